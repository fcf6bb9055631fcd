import { randomUUID } from 'node:crypto';
import { IncomingMessage } from 'node:http';

export const REQUEST_ID_HEADER = 'x-request-id';

/**
 * A caller's id is kept only when it cannot smuggle anything into a log line or a header: short,
 * and made of the characters UUIDs, ULIDs and base64 tokens use.
 */
const WELL_FORMED = /^[A-Za-z0-9._~:+/=@-]{1,128}$/;

/** The incoming `X-Request-Id` when well-formed, else a new UUID. Fastify's `genReqId`. */
export function requestIdOf(request: Pick<IncomingMessage, 'headers'>): string {
  const incoming = request.headers[REQUEST_ID_HEADER];
  return typeof incoming === 'string' && WELL_FORMED.test(incoming) ? incoming : randomUUID();
}
