import { Injectable, Logger } from '@nestjs/common';
import { KafkaTransactionsService } from '@voucher-bridge/kafka';
import { OutboxRepository } from './outbox.repository';
import { decodeRelayPosition, PublishedRow, RelayPosition } from './relay-position';

/** The header every outbox record carries its event id in (CloudEvents binary mode). */
const RECORD_ID_HEADER = 'ce_id';

/**
 * What a new relay does before publishing anything: it marks sent the rows the last committed
 * position names, because Kafka has them whether or not the relay that wrote them lived to mark
 * them. A version 2 position names rows without offsets; the records of those still unsent are
 * looked for by their `ce_id`, reading forward from the position's scan start (from each
 * partition's start if they are not all there: a topic that was recreated restarts its offsets).
 */
@Injectable()
export class RelayRecovery {
  private readonly logger = new Logger(RelayRecovery.name);

  constructor(
    private readonly outbox: OutboxRepository,
    private readonly transactions: KafkaTransactionsService,
  ) {}

  /**
   * Call only once the relay's transactional id is open: then the last committed position is
   * final. Returns the partition counts it names (`PartitionPins`).
   */
  async markLastCommitted(positionTopic: string): Promise<Map<string, number>> {
    const value = await this.transactions.lastCommitted(positionTopic);
    if (!value) return new Map();
    const position = decodeRelayPosition(value);
    const rows = position.located ?? await this.locate(position);
    await this.outbox.markSent(rows);
    this.logger.log(`resuming after the last committed position (${position.rows.length} rows, ${rows.length} marked now, up to outbox id ${position.rows.at(-1)?.id ?? '-'})`);
    return position.partitions;
  }

  /** Where the named rows not marked sent yet landed. */
  private async locate(position: RelayPosition): Promise<PublishedRow[]> {
    const unsent = await this.outbox.unsentRecordIds(position.rows.map((row) => row.id));
    // Per topic: outbox id by the record id (`ce_id`) to look for.
    const wantedByTopic = new Map<string, Map<string, string>>();
    for (const row of position.rows) {
      if (!unsent.has(row.id)) continue;
      const wanted = wantedByTopic.get(row.topic) ?? new Map<string, string>();
      wantedByTopic.set(row.topic, wanted.set(recordIdOf(row.id, unsent.get(row.id)), row.id));
    }
    const located: PublishedRow[] = [];
    for (const [topic, wanted] of wantedByTopic) {
      const ids = new Set(wanted.keys());
      let found = await this.transactions.findRecords(topic, RECORD_ID_HEADER, ids, position.scanFrom.get(topic) ?? new Map());
      if (found.size < ids.size) {
        this.logger.warn(`${ids.size - found.size} of the last committed position's records are not on ${topic} past its scan start: reading the topic from the start`);
        found = await this.transactions.findRecords(topic, RECORD_ID_HEADER, ids, new Map());
      }
      const missing = [...wanted].filter(([recordId]) => !found.has(recordId)).map(([, id]) => id);
      if (missing.length > 0) {
        // Committed with the position, so on Kafka unless retention removed them: publishing them
        // again would duplicate them. The relay stops here (and retries) until someone looks.
        throw new Error(`${missing.length} records the last committed position names are not on ${topic} (first outbox ids: ${missing.slice(0, 5).join(', ')})`);
      }
      for (const [recordId, id] of wanted) located.push({ id, ...found.get(recordId)! });
    }
    return located;
  }
}

function recordIdOf(id: string, recordId: string | null | undefined): string {
  if (!recordId) throw new Error(`outbox row ${id} has no ${RECORD_ID_HEADER} header to find its record by`);
  return recordId;
}
