import { Inject, Injectable } from '@nestjs/common';
import { PG_POOL, PrismaService, withValues } from '@voucher-bridge/database';
import type { SqlPool } from '@voucher-bridge/database';
import { randomUUID } from 'node:crypto';
import { ApiKeyKind, hashApiKeySecret, newApiKeySecret } from '../secret/api-key-secret';
import { ApiKey, NewApiKey } from './api-key';
import { FIND_API_KEY_BY_HASH } from './api-key.sql';

type Row = Awaited<ReturnType<PrismaService['bridgeApiKey']['findFirstOrThrow']>>;

/** Creates, lists, revokes and finds API keys (table bridge_api_key); secrets only as hashes. */
@Injectable()
export class ApiKeyStore {
  constructor(
    private readonly prisma: PrismaService,
    @Inject(PG_POOL) private readonly pool: SqlPool,
  ) {}

  /** Returns the key and its secret: the only time the secret exists outside the caller. */
  async create(key: NewApiKey): Promise<{ key: ApiKey; secret: string }> {
    const { secret, hash, hint } = newApiKeySecret(key.kind);
    const row = await this.prisma.bridgeApiKey.create({
      data: {
        id: randomUUID(), kind: key.kind, keyHash: hash, hint,
        storeId: key.storeId ?? null, cashboxId: key.cashboxId ?? null, label: key.label ?? null,
      },
    });
    return { key: toApiKey(row), secret };
  }

  async list(kind?: ApiKeyKind): Promise<ApiKey[]> {
    const rows = await this.prisma.bridgeApiKey.findMany({ where: kind ? { kind } : {}, orderBy: { createdAt: 'asc' } });
    return rows.map(toApiKey);
  }

  /** Returns the revoked key, or undefined when there is no such key. Revoking twice is harmless. */
  async revoke(id: string): Promise<ApiKey | undefined> {
    const existing = await this.prisma.bridgeApiKey.findUnique({ where: { id } });
    if (!existing) return undefined;
    if (existing.revokedAt) return toApiKey(existing);
    return toApiKey(await this.prisma.bridgeApiKey.update({ where: { id }, data: { revokedAt: new Date() } }));
  }

  /**
   * The active key with this secret, or undefined (unknown or revoked). Plain SQL on the pool:
   * it is the one query of every authenticated request path (on a cache miss), and through Prisma
   * it loaded the query engine into the gateway for this lookup alone.
   */
  async findActive(secret: string): Promise<ApiKey | undefined> {
    const { rows } = await this.pool.query<Row>(withValues(FIND_API_KEY_BY_HASH, [hashApiKeySecret(secret)]));
    const row = rows[0];
    return row && !row.revokedAt ? toApiKey(row) : undefined;
  }
}

function toApiKey(row: Row): ApiKey {
  return {
    id: row.id, kind: row.kind as ApiKeyKind, hint: row.hint, storeId: row.storeId, cashboxId: row.cashboxId,
    label: row.label, createdAt: row.createdAt, revokedAt: row.revokedAt,
  };
}
