import { Logger, Type } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { validateEnvironment } from '@voucher-bridge/config';
import { useJsonBodies } from './body/use-json-bodies';
import { HttpEnvironment } from './config/http.environment';
import { useProblemDetails } from './problem/use-problem-details';

export interface HttpAppOptions {
  name: string;
  /** Config key holding the port to listen on. */
  portVariable: string;
}

/**
 * Starts a Nest app on Fastify with problem+json errors and shutdown hooks. A start-up failure
 * (e.g. a missing environment variable) prints its message and exits 1.
 */
export async function bootstrapHttpApp(rootModule: Type<unknown>, options: HttpAppOptions): Promise<NestFastifyApplication> {
  const logger = new Logger(options.name);
  try {
    // Validated here, not in the app's ConfigModule: Fastify takes its body limit when it is
    // created, before any Nest module exists.
    const http = validateEnvironment(HttpEnvironment)(process.env) as unknown as HttpEnvironment;
    const app = await NestFactory.create<NestFastifyApplication>(
      rootModule,
      new FastifyAdapter({ bodyLimit: http.HTTP_BODY_LIMIT_BYTES }),
      { abortOnError: false, logger: ['fatal', 'error', 'warn', 'log'] },
    );
    useProblemDetails(app);
    useJsonBodies(app);
    app.enableShutdownHooks();
    const port = app.get(ConfigService).getOrThrow<number>(options.portVariable);
    await app.listen(port, process.env.HTTP_HOST ?? '127.0.0.1');
    logger.log(`listening on ${await app.getUrl()}`);
    return app;
  } catch (error) {
    logger.error((error as Error).message);
    process.exit(1);
  }
}
