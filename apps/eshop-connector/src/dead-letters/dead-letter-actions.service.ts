import { Injectable } from '@nestjs/common';
import type { ApiKey } from '@voucher-bridge/api-keys';
import { ProblemException } from '@voucher-bridge/http';
import { Counter, InjectMetric } from '@voucher-bridge/metrics';
import { parseDeadLetterId } from './dead-letter-id';
import { DeadLetterSelection, describeSelection } from './dead-letter-selection';
import { DeadLetterRepository } from './dead-letter.repository';
import { DeadLetterRow } from './dead-letter.view';
import { DEAD_LETTER_DISCARDS_TOTAL, DEAD_LETTER_REPLAYS_TOTAL } from './dead-letters.metrics';
import { OperatorAuditRepository } from './operator-audit.repository';
import { RecordReplayService } from './record-replay.service';
import { ItemOutcome, OutcomeName, summarize } from './replay-outcome';

/** At most this many dead letters per request; `more` tells the operator to send it again. */
export const MAX_ITEMS_PER_ACTION = 500;

export interface ActionResult {
  dryRun: boolean;
  summary: Partial<Record<OutcomeName, number>>;
  items: ItemOutcome[];
  /** More parked dead letters matched the filter (or `all`) than one request handles. */
  more: boolean;
}

/**
 * Replays and discards, for records and deliveries alike, each audited (dry runs too) with who
 * asked, what was selected and how every item ended.
 */
@Injectable()
export class DeadLetterActionsService {
  constructor(
    private readonly deadLetters: DeadLetterRepository,
    private readonly records: RecordReplayService,
    private readonly audit: OperatorAuditRepository,
    @InjectMetric(DEAD_LETTER_REPLAYS_TOTAL) private readonly replays: Counter<'kind' | 'outcome' | 'dry_run'>,
    @InjectMetric(DEAD_LETTER_DISCARDS_TOTAL) private readonly discards: Counter<'kind'>,
  ) {}

  async replay(key: ApiKey, selection: DeadLetterSelection, dryRun: boolean): Promise<ActionResult> {
    const { targets, settled, more } = await this.select(selection);
    const outcomes = new Map(settled.map((item) => [item.id, item]));
    const records = targets.filter((row) => row.kind === 'record');
    const replayed = await this.records.replay(records.map((row) => ({
      id: row.id, rowId: row.id.slice(4), topic: row.source_topic!, partition: row.source_partition!, offset: row.source_offset!,
    })), dryRun);
    for (const item of replayed) outcomes.set(item.id, item);
    for (const row of targets.filter((target) => target.kind === 'delivery')) outcomes.set(row.id, await this.replayDelivery(row, dryRun));
    const items = order(selection, targets, settled, outcomes);
    for (const item of items) this.replays.inc({ kind: kindOf(item.id), outcome: item.outcome, dry_run: String(dryRun) });
    const result = { dryRun, summary: summarize(items), items, more };
    await this.audit.record(key, 'dead-letters.replay', dryRun, describeSelection(selection), auditOutcome(result));
    return result;
  }

  async discard(key: ApiKey, selection: DeadLetterSelection, reason: string): Promise<ActionResult> {
    const { targets, settled, more } = await this.select(selection);
    const outcomes = new Map(settled.map((item) => [item.id, item]));
    for (const row of targets) {
      const done = row.kind === 'record'
        ? await this.deadLetters.discardRecord(row.id.slice(4), reason)
        : await this.deadLetters.discardDelivery(row.subscription_id!, row.event_id!);
      outcomes.set(row.id, done ? { id: row.id, outcome: 'discarded' } : { id: row.id, outcome: 'not-parked', status: 'replayed or discarded' });
      if (done) this.discards.inc({ kind: row.kind });
    }
    const items = order(selection, targets, settled, outcomes);
    const result = { dryRun: false, summary: summarize(items), items, more };
    await this.audit.record(key, 'dead-letters.discard', false, { ...describeSelection(selection), reason }, auditOutcome(result));
    return result;
  }

  /** A parked push back to the delivery engine; a dry run says what its subscription would do with it. */
  private async replayDelivery(row: DeadLetterRow, dryRun: boolean): Promise<ItemOutcome> {
    const state = await this.deadLetters.deliveryState(row.subscription_id!, row.event_id!);
    if (!state) return { id: row.id, outcome: 'not-found' };
    if (state.delivery !== 'parked') return { id: row.id, outcome: 'not-parked', status: state.delivery };
    if (!dryRun && !(await this.deadLetters.requeueDelivery(row.subscription_id!, row.event_id!))) {
      return { id: row.id, outcome: 'not-parked', status: 'replayed or discarded' };
    }
    return { id: row.id, outcome: 'requeued', subscriptionStatus: state.subscription };
  }

  /** The parked dead letters to act on, and the named ones that are not (settled at once). */
  private async select(selection: DeadLetterSelection): Promise<{ targets: DeadLetterRow[]; settled: ItemOutcome[]; more: boolean }> {
    const given = [selection.ids !== undefined, selection.filter !== undefined, selection.all === true].filter(Boolean).length;
    if (given !== 1) {
      throw ProblemException.of(400, 'invalid-request', 'Invalid request body', 'Select the dead letters with exactly one of ids, filter or all: true.', {
        errors: [{ field: 'ids', messages: ['give exactly one of ids, filter or all: true'] }],
      });
    }
    if (selection.ids) {
      const targets: DeadLetterRow[] = [];
      const settled: ItemOutcome[] = [];
      for (const id of new Set(selection.ids)) {
        const row = await this.deadLetters.find(parseDeadLetterId(id)!);
        if (!row) settled.push({ id, outcome: 'not-found' });
        else if (row.status !== 'parked') settled.push({ id, outcome: 'not-parked', status: row.status });
        else targets.push(row);
      }
      return { targets, settled, more: false };
    }
    // Every parked one only when asked for by name: `all: true`, or a filter (which may be empty).
    if (selection.all !== true && (selection.filter === undefined || selection.filter === null)) {
      throw new Error('dead-letter selection without ids, filter or all: true (the request validation lets none through)');
    }
    const { kind, reason, parkedBefore } = selection.filter ?? {};
    const rows = await this.deadLetters.list(
      { kind, reason, status: 'parked', parkedBefore: parkedBefore ? new Date(parkedBefore) : undefined }, MAX_ITEMS_PER_ACTION + 1);
    return { targets: rows.slice(0, MAX_ITEMS_PER_ACTION), settled: [], more: rows.length > MAX_ITEMS_PER_ACTION };
  }
}

/** Items in the order the operator named them (or the list's order, oldest first). */
function order(selection: DeadLetterSelection, targets: DeadLetterRow[], settled: ItemOutcome[], outcomes: Map<string, ItemOutcome>): ItemOutcome[] {
  const ids = selection.ids ? [...new Set(selection.ids)] : [...targets.map((row) => row.id), ...settled.map((item) => item.id)];
  return ids.map((id) => outcomes.get(id)!);
}

function kindOf(id: string): 'record' | 'delivery' {
  return id.startsWith('rec_') ? 'record' : 'delivery';
}

function auditOutcome({ summary, items, more }: ActionResult): object {
  return { summary, more, items: items.map(({ id, outcome }) => ({ id, outcome })) };
}
