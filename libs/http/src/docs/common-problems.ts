import { MAX_JSON_DEPTH } from '../body/use-json-bodies';
import { RETRY_AFTER_SECONDS } from '../problem/problem-details.filter';
import { ProblemExample } from './api-problem-response.decorator';

/** Answers every POST of both apps can get from libs/http itself, whatever the route. */
export const BODY_TOO_LARGE: ProblemExample = {
  status: 413,
  description: 'The body is larger than `HTTP_BODY_LIMIT_BYTES` (16 KiB by default).',
  slug: 'payload-too-large',
  title: 'Payload Too Large',
  detail: 'Request body is too large',
};

export const DATABASE_UNAVAILABLE: ProblemExample = {
  status: 503,
  description: `PostgreSQL is unreachable for now; nothing was written. Retry after \`Retry-After\` seconds (${RETRY_AFTER_SECONDS}).`,
  slug: 'service-unavailable',
  title: 'Service Unavailable',
  detail: 'The database is unavailable for a moment; retry the request shortly.',
  headers: { 'Retry-After': { description: 'Seconds to wait before retrying.', schema: { type: 'integer' } } },
};

export function invalidBody(example: { field: string; messages: string[] }[]): ProblemExample {
  return {
    status: 400,
    description: `Malformed JSON, JSON nested deeper than ${MAX_JSON_DEPTH} levels, or invalid or unknown fields (each listed in \`errors\`). Nothing was written.`,
    slug: 'invalid-request',
    title: 'Invalid request body',
    detail: `Invalid fields: ${example.map((error) => error.field).join(', ')}`,
    extensions: { errors: example },
  };
}
