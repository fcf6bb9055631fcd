import { preparedStatement } from '@voucher-bridge/database';
/** One key by the SHA-256 of its secret (unique index on key_hash), in the shape Prisma returns rows. */
export const FIND_API_KEY_BY_HASH = preparedStatement('find-api-key-by-hash', `
SELECT id, kind, key_hash AS "keyHash", hint, store_id AS "storeId", cashbox_id AS "cashboxId", label,
  created_at AS "createdAt", revoked_at AS "revokedAt"
FROM bridge_api_key WHERE key_hash = $1`);
