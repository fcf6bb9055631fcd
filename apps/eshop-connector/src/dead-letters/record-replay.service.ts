import { Injectable, Logger } from '@nestjs/common';
import { isDatabaseUnavailable } from '@voucher-bridge/database';
import type { SqlSession } from '@voucher-bridge/database';
import { KafkaRecordReader, StoredRecord } from '@voucher-bridge/kafka';
import { DeadLetterDraft, errorName } from '../registration/dead-letter.draft';
import { DeadLetterPublisher } from '../registration/dead-letter.publisher';
import { parseVoucherRecord } from '../registration/voucher-record.parser';
import { RegistryWrite, VoucherRegistryRepository } from '../registration/voucher-registry.repository';
import { COUNT_FAILED_REPLAY, FORGET_REFUSED_EVENT, LOCK_PARKED_RECORD, MARK_RECORD_REPLAYED } from './dead-letters.sql';
import { ItemOutcome } from './replay-outcome';

interface LockedRecord {
  reason_class: string;
  source_topic: string;
  source_partition: number;
  source_offset: string;
}

/**
 * Replays a parked record: reads it again from its source topic and runs it through the
 * consumer's own path (parse → state machine → registry transaction, dead letter on failure) in
 * one transaction with the dead letter's new status. Exactly once: the event's processed id is
 * written in that transaction, so a replay that applies it cannot apply it again. A replay that
 * fails again leaves it parked with one attempt more — nothing replays on its own, so no loop.
 * A dry run does all of it and rolls back (and produces no dead letter).
 */
@Injectable()
export class RecordReplayService {
  private readonly logger = new Logger(RecordReplayService.name);

  constructor(
    private readonly registry: VoucherRegistryRepository,
    private readonly reader: KafkaRecordReader,
    private readonly deadLetters: DeadLetterPublisher,
  ) {}

  /** `locations` of the parked rows to replay: read from Kafka in one go, then replayed in order. */
  async replay(rows: { id: string; rowId: string; topic: string; partition: number; offset: string }[], dryRun: boolean): Promise<ItemOutcome[]> {
    const records = await this.reader.read(rows.map(({ topic, partition, offset }) => ({ topic, partition, offset })));
    const outcomes: ItemOutcome[] = [];
    for (const [i, row] of rows.entries()) {
      const record = records[i];
      outcomes.push(record
        ? await this.replayOne(row.id, row.rowId, record, dryRun)
        : { id: row.id, outcome: 'source-gone', detail: `no committed record at ${row.topic}[${row.partition}]@${row.offset} any more` });
    }
    return outcomes;
  }

  private async replayOne(id: string, rowId: string, record: StoredRecord, dryRun: boolean): Promise<ItemOutcome> {
    const at = new Date();
    try {
      return await this.registry.transaction(async (session) => {
        const { rows } = await session.query<LockedRecord>(LOCK_PARKED_RECORD, [rowId]);
        if (rows.length === 0) return { id, outcome: 'not-parked', status: 'replayed or discarded' } as const;
        const write = await this.runConsumerPath(session, rows[0], record, at);
        const [again] = write.parked;
        if (again) {
          if (!dryRun) await this.deadLetters.publish([{ parked: again, key: record.key, value: record.value, at }]);
          return { id, outcome: 'parked-again', reasonClass: again.reasonClass, reason: again.reason, detail: again.detail, attempts: again.attempts } as const;
        }
        await session.query(MARK_RECORD_REPLAYED, [rowId, at]);
        const applied = write.plan.history.find((entry) => entry.outcome === 'applied');
        if (!applied) return { id, outcome: 'already-applied' } as const;
        return { id, outcome: 'applied', sequence: applied.sequence!, balance: applied.balanceAfter!, currency: write.plan.vouchers[0].state.currency } as const;
      }, { rollback: dryRun });
    } catch (error) {
      if (isDatabaseUnavailable(error)) throw error;
      // A bug meeting this record again: it stays parked, the attempt counted.
      this.logger.error(`replay of ${id} failed: ${(error as Error).message}`);
      const reason = errorName(error);
      const detail = String((error as Error).message ?? error).slice(0, 2000);
      const attempts = dryRun ? undefined : await this.registry.transaction((session) => session.query<{ attempts: number }>(
        COUNT_FAILED_REPLAY, [rowId, reason, detail]));
      return { id, outcome: 'parked-again', reasonClass: 'processing-error', reason, detail, attempts: attempts?.rows[0]?.attempts ?? 0 };
    }
  }

  private async runConsumerPath(session: SqlSession, row: LockedRecord, record: StoredRecord, at: Date): Promise<RegistryWrite> {
    const { topic, partition, offset } = { topic: row.source_topic, partition: row.source_partition, offset: row.source_offset };
    const parsed = parseVoucherRecord(record);
    if ('event' in parsed) {
      // Only a refusal left the event id processed; an unreadable or failed record never got
      // that far, so if its id is processed, another record applied it: that one stays.
      if (row.reason_class === 'rule-violation') await session.query(FORGET_REFUSED_EVENT, [parsed.event.eventId]);
      return this.registry.applyIn(session, [{ event: parsed.event, topic, partition, offset }], [], at, { replay: true });
    }
    const draft: DeadLetterDraft = {
      topic, partition, offset, key: record.key?.toString() ?? null, reasonClass: 'invalid-record',
      reason: parsed.reason, detail: parsed.detail, eventId: null, eventType: null,
    };
    return this.registry.applyIn(session, [], [draft], at, { replay: true });
  }
}
