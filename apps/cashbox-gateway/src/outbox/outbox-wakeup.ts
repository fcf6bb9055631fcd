import { Inject, Injectable, Logger } from '@nestjs/common';
import { PG_POOL } from '@voucher-bridge/database';
import type { SqlPool } from '@voucher-bridge/database';
import { setTimeout as delay } from 'node:timers/promises';
import { OutboxRelayLease } from './outbox-relay.lease';
import { OUTBOX_CHANNEL, OutboxSignal } from './outbox.signal';

/** At most one NOTIFY per this interval: under load the relay is busy anyway, a wake-up per request would only cost. */
const NOTIFY_INTERVAL_MS = 10;

/**
 * Wakes the relay once rows were accepted (after their COMMIT). In this instance through
 * OutboxSignal; when another instance holds the relay lease, through PostgreSQL: NOTIFY on
 * OUTBOX_CHANNEL, which the holder's lease session listens to. Without it, what a standby accepted
 * waited for the holder's next poll (OUTBOX_POLL_INTERVAL_MS) unless the holder accepted something
 * itself meanwhile: up to 500 ms with two replicas behind a load balancer. A NOTIFY that fails is
 * left to that poll.
 */
@Injectable()
export class OutboxWakeup {
  private readonly logger = new Logger(OutboxWakeup.name);
  private sending = false;
  private again = false;

  constructor(
    private readonly signal: OutboxSignal,
    private readonly lease: OutboxRelayLease,
    @Inject(PG_POOL) private readonly pool: SqlPool,
  ) {}

  accepted(): void {
    this.signal.notify();
    if (this.lease.held) return;
    if (this.sending) {
      this.again = true;
      return;
    }
    void this.notifyHolder();
  }

  private async notifyHolder(): Promise<void> {
    this.sending = true;
    try {
      do {
        this.again = false;
        await this.pool.query(`NOTIFY ${OUTBOX_CHANNEL}`).catch((error: Error) => {
          this.logger.debug(`could not notify the relaying instance (its poll picks the rows up): ${error.message}`);
        });
        await delay(NOTIFY_INTERVAL_MS);
      } while (this.again);
    } finally {
      this.sending = false;
    }
  }
}
