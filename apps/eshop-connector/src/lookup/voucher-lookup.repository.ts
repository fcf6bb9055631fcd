import { Inject, Injectable } from '@nestjs/common';
import { PG_POOL, withValues } from '@voucher-bridge/database';
import type { SqlPool } from '@voucher-bridge/database';
import type { VoucherHistoryRow } from './voucher-history.mapper';
import { SELECT_REGISTERED_VOUCHER } from './voucher-lookup.sql';

/** A registry_voucher row as the lookup reads it; minor units as decimal text (bigint). */
export interface RegisteredVoucherRow {
  voucher_code_masked: string;
  status: string;
  balance_minor: string;
  currency: string;
  issued_at: Date;
  expires_at: Date | null;
}

export interface RegisteredVoucher {
  voucher: RegisteredVoucherRow;
  history: VoucherHistoryRow[];
}

type LookupRow = RegisteredVoucherRow & { [K in keyof VoucherHistoryRow]: VoucherHistoryRow[K] | null };

/**
 * The shop's read path on the registry: plain SQL on the shared pool, one prepared statement per
 * lookup. Prisma's query compiler, loaded for this path alone, added ~36 MiB to the connector.
 */
@Injectable()
export class VoucherLookupRepository {
  constructor(@Inject(PG_POOL) private readonly pool: SqlPool) {}

  async find(voucherCodeHash: string): Promise<RegisteredVoucher | undefined> {
    const { rows } = await this.pool.query<LookupRow>(withValues(SELECT_REGISTERED_VOUCHER, [voucherCodeHash]));
    if (rows.length === 0) return undefined;
    const [first] = rows;
    return {
      voucher: {
        voucher_code_masked: first.voucher_code_masked, status: first.status, balance_minor: first.balance_minor,
        currency: first.currency, issued_at: first.issued_at, expires_at: first.expires_at,
      },
      // A voucher without a history row (none is ever written so) comes back as one row of nulls.
      history: rows.filter((row): row is LookupRow & VoucherHistoryRow => row.event_id !== null),
    };
  }
}
