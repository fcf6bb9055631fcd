import { Inject, Injectable } from '@nestjs/common';
import { PG_POOL, inTransaction, withValues } from '@voucher-bridge/database';
import type { SqlPool, SqlSession } from '@voucher-bridge/database';
import { ClaimedDelivery, ClaimedDeliveryRow, DeliveryOutcome, claimedDelivery } from './claimed-delivery';
import { BEGIN_CLAIM, CLAIM_DUE_DELIVERIES, COUNT_PENDING, DISABLE_SUBSCRIPTIONS, RECORD_OUTCOMES } from './delivery-dispatch.sql';

/** The dispatcher's reads and writes on webhook_delivery, each one set-based statement. */
@Injectable()
export class DeliveryRepository {
  constructor(@Inject(PG_POOL) private readonly pool: SqlPool) {}

  async claim(limit: number, window: number, leaseMs: number): Promise<ClaimedDelivery[]> {
    const rows = await this.inClaimTransaction((session) => session.query<ClaimedDeliveryRow>(withValues(CLAIM_DUE_DELIVERIES, [limit, leaseMs, window])));
    return rows.map(claimedDelivery);
  }

  /** Returns how many successors the outcomes released (due now: their heads are done). */
  async record(outcomes: readonly DeliveryOutcome[]): Promise<number> {
    if (outcomes.length === 0) return 0;
    const { rows } = await this.pool.query<{ released: number }>(withValues(RECORD_OUTCOMES, [
      outcomes.map((o) => o.subscriptionId),
      outcomes.map((o) => o.eventId),
      outcomes.map((o) => o.status),
      outcomes.map((o) => o.delayMs),
      outcomes.map((o) => o.lastStatus),
      outcomes.map((o) => o.lastError),
      outcomes.map((o) => o.lastReason),
    ]));
    return rows[0]?.released ?? 0;
  }

  async disableSubscriptions(subscriptionIds: readonly string[], reason: string): Promise<void> {
    await this.pool.query(DISABLE_SUBSCRIPTIONS, [subscriptionIds, reason]);
  }

  private async inClaimTransaction(claim: (session: SqlSession) => Promise<{ rows: ClaimedDeliveryRow[] }>): Promise<ClaimedDeliveryRow[]> {
    return inTransaction(this.pool, async (session) => (await claim(session)).rows, { begin: BEGIN_CLAIM });
  }

  async countPending(): Promise<number> {
    const { rows } = await this.pool.query<{ pending: number }>(COUNT_PENDING);
    return rows[0].pending;
  }
}
