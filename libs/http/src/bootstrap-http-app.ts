import { Module, Type } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { validateEnvironment } from '@voucher-bridge/config';
import { Logger, PinoLogger } from 'nestjs-pino';
import { useJsonBodies } from './body/use-json-bodies';
import { HttpEnvironment } from './config/http.environment';
import { useApiDocs } from './docs/use-api-docs';
import type { ApiDocsOptions } from './docs/api-docs.options';
import { appLoggingParams, LogLevel } from './logging/app-logging.params';
import { LoggingModule } from './logging/logging.module';
import { requestIdOf } from './logging/request-id';
import { useRequestContext } from './logging/use-request-context';
import type { ErrorTranslator } from './problem/problem-details.filter';
import { useProblemDetails } from './problem/use-problem-details';
import { answerFrameworkError } from './problem/framework-errors';

export interface HttpAppOptions {
  name: string;
  /** Config key holding the port to listen on. */
  portVariable: string;
  /** Served at `/docs` (Swagger UI) and `/docs/openapi.json`. */
  docs: ApiDocsOptions;
  /**
   * Errors of the app's dependencies the clients should see as such, e.g. the database library's
   * `asDatabaseUnavailable` (a 503 with Retry-After instead of a 500).
   */
  errorTranslators?: ErrorTranslator[];
}

@Module({})
class HttpAppModule {}

/**
 * Starts a Nest app on Fastify with JSON logs (pino), problem+json errors, API docs and shutdown
 * hooks. A start-up failure (e.g. a missing environment variable) logs its message and exits 1.
 */
export async function bootstrapHttpApp(rootModule: Type<unknown>, options: HttpAppOptions): Promise<NestFastifyApplication> {
  const logging = appLoggingParams(options.name);
  // Built before the app, so that a failing start-up is logged as JSON too.
  const logger = new Logger(new PinoLogger(logging), logging);
  try {
    // Validated here, not in the app's ConfigModule: Fastify takes its body limit when it is
    // created, before any Nest module exists.
    const http = validateEnvironment(HttpEnvironment)(process.env) as unknown as HttpEnvironment;
    PinoLogger.root.level = http.LOG_LEVEL as LogLevel;
    const app = await NestFactory.create<NestFastifyApplication>(
      { module: HttpAppModule, imports: [LoggingModule.forApp(logging), rootModule] },
      new FastifyAdapter({ bodyLimit: http.HTTP_BODY_LIMIT_BYTES, genReqId: requestIdOf, requestIdHeader: false, frameworkErrors: answerFrameworkError }),
      { abortOnError: false, logger, bufferLogs: true },
    );
    app.useLogger(app.get(Logger));
    useRequestContext(app.getHttpAdapter().getInstance(), () => PinoLogger.root);
    useProblemDetails(app, options.errorTranslators);
    useJsonBodies(app);
    useApiDocs(app, options.docs);
    app.enableShutdownHooks();
    const port = app.get(ConfigService).getOrThrow<number>(options.portVariable);
    await app.listen(port, process.env.HTTP_HOST ?? '127.0.0.1');
    logger.log(`listening on ${await app.getUrl()}`, options.name);
    return app;
  } catch (error) {
    logger.error((error as Error).message, options.name);
    process.exit(1);
  }
}
