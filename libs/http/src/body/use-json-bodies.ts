import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { exceedsJsonDepth } from '@voucher-bridge/voucher-contract';
import { ProblemException } from '../problem/problem.exception';

// Fastify's parser is typed for string bodies; secure-json-parse takes a Buffer as well.
type JsonParser = (request: unknown, body: Buffer, done: (error: Error | null, body?: unknown) => void) => void;

/** Our bodies nest two levels; 32 leaves room and keeps the validators' recursion shallow. */
export const MAX_JSON_DEPTH = 32;

/**
 * Fastify's own JSON parser (prototype-poisoning checks included), behind a nesting-depth check:
 * a deeper body is a 400 problem before anything recursive sees it.
 */
export function useJsonBodies(app: NestFastifyApplication, maxDepth = MAX_JSON_DEPTH): void {
  const parseJson = app.getHttpAdapter().getInstance().getDefaultJsonParser('error', 'error') as unknown as JsonParser;
  app.useBodyParser('application/json', {}, (request, body, done) => {
    if (exceedsJsonDepth(body, maxDepth)) {
      done(ProblemException.of(400, 'body-too-deep', 'Request body nested too deeply',
        `JSON arrays and objects may nest at most ${maxDepth} levels deep.`), undefined);
      return;
    }
    parseJson(request, body, done);
  });
}
