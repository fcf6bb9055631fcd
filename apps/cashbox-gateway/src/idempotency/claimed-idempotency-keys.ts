import type { SqlPool } from '@voucher-bridge/database';

/** The requests that claimed these Idempotency-Keys first. */
const SELECT_IDEMPOTENCY_KEYS = `
SELECT k.api_key_id, k.idempotency_key, k.request_hash
FROM gateway_idempotency_key k
JOIN unnest($1::uuid[], $2::text[]) AS t(api_key_id, idempotency_key) USING (api_key_id, idempotency_key)`;

export interface KeyedRequest {
  apiKeyId: string;
  idempotencyKey: string | null;
}

export const claimKey = (request: KeyedRequest) => `${request.apiKeyId} ${request.idempotencyKey}`;

/**
 * For requests that were not written, the request hash that first claimed their key, by
 * `claimKey(request)`: a different hash means the key was reused for another request.
 */
export async function claimedIdempotencyKeys(pool: SqlPool, requests: KeyedRequest[]): Promise<Map<string, string>> {
  const keyed = requests.filter((r) => r.idempotencyKey !== null);
  if (keyed.length === 0) return new Map();
  const { rows } = await pool.query<{ api_key_id: string; idempotency_key: string; request_hash: string }>(
    SELECT_IDEMPOTENCY_KEYS, [keyed.map((r) => r.apiKeyId), keyed.map((r) => r.idempotencyKey)]);
  return new Map(rows.map((row) => [claimKey({ apiKeyId: row.api_key_id, idempotencyKey: row.idempotency_key }), row.request_hash]));
}
