import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { ApiDocsOptions } from './api-docs.options';
import { PROBLEM_DETAILS_SCHEMA, PROBLEM_DETAILS_SCHEMA_NAME } from './problem-details.schema';

export const API_DOCS_PATH = 'docs';
export const OPENAPI_JSON_PATH = 'docs/openapi.json';
export const BEARER_SCHEME = 'bearer';

/**
 * Swagger UI at `/docs` and the OpenAPI 3.1 document at `/docs/openapi.json`, generated from the
 * controllers' decorators and DTOs. The UI's assets are served from swagger-ui-dist on disk (no
 * CDN); these routes sit outside Nest's guards, so they need no key.
 */
export function useApiDocs(app: NestFastifyApplication, options: ApiDocsOptions): void {
  const builder = new DocumentBuilder()
    .setTitle(options.title)
    .setDescription(options.description)
    .setVersion(process.env.npm_package_version ?? '0.1.0')
    // @nestjs/swagger writes 3.0.0 unless told; 3.1 is JSON Schema 2020-12 (`type: ['string', 'null']`).
    .setOpenAPIVersion('3.1.0');
  if (options.bearerDescription) {
    builder.addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'opaque API key', description: options.bearerDescription }, BEARER_SCHEME);
  }
  const config = builder.build();
  const document = () => {
    const built = SwaggerModule.createDocument(app, config, { include: options.include });
    built.components = { ...built.components, schemas: { ...built.components?.schemas, [PROBLEM_DETAILS_SCHEMA_NAME]: PROBLEM_DETAILS_SCHEMA } };
    return built;
  };
  SwaggerModule.setup(API_DOCS_PATH, app, document, {
    jsonDocumentUrl: OPENAPI_JSON_PATH,
    raw: ['json'],
    customSiteTitle: options.title,
  });
}
