import { eventually } from '../support/eventually';
import { readRecords } from '../support/kafka-client';
import { OutboxMarkBlocker } from '../support/outbox-mark-blocker';
import { postPurchase, purchaseBody } from '../support/purchases';
import { useBridge } from '../support/use-bridge';

describe('every accepted event is on the topic exactly once', () => {
  // Small batches: the 25 events caught below leave in transactions of several batches each.
  const context = useBridge({ OUTBOX_BATCH_SIZE: '5', OUTBOX_TRANSACTION_ROWS: '15' });

  async function published(eventIds: string[]): Promise<number> {
    const { rows } = await context.db.query(
      'SELECT count(*)::int AS n FROM gateway_event_publication WHERE event_id = ANY($1::uuid[])', [eventIds]);
    return rows[0].n;
  }

  async function unsent(eventIds: string[]): Promise<number> {
    const { rows } = await context.db.query(
      'SELECT count(*)::int AS n FROM gateway_outbox WHERE sent_at IS NULL AND event_id = ANY($1::uuid[])', [eventIds]);
    return rows[0].n;
  }

  async function accept(count: number): Promise<string[]> {
    const answers = await Promise.all(Array.from({ length: count }, () => postPurchase(context.bridge, purchaseBody())));
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 202));
    return answers.map((a) => a.body.eventId as string);
  }

  it('does not publish again what Kafka committed when the relay died before marking it sent', async () => {
    const warmUp = await accept(1);
    await eventually('the relay to publish', async () => expect(await published(warmUp)).toBe(1));

    const blocker = await OutboxMarkBlocker.install(context.db);
    let caught: string[];
    try {
      caught = await accept(25);
      // The relay's UPDATE waits: Kafka has committed the batch, the rows are not marked yet.
      await eventually('the relay to wait on marking rows sent', async () => expect(await blocker.waiting()).not.toEqual([]));
      expect(await context.bridge.gateway.kill()).toEqual({ code: null, signal: 'SIGKILL' });
      await blocker.terminateWaiting();
    } finally {
      await blocker.remove();
    }
    expect(await unsent(caught)).toBe(caught.length);

    // A new relay resumes from what Kafka committed: it marks those rows, it does not resend them.
    await context.bridge.gateway.start();
    await eventually('the new relay to mark the committed rows', async () => expect(await unsent(caught)).toBe(0));
    const after = await accept(3);
    await eventually('events accepted afterwards to be published', async () => expect(await published(after)).toBe(3));

    const expected = [...warmUp, ...caught, ...after];
    const records = await readRecords(context.bridge.topic, expected.length, 3_000);
    const seen = new Map<string, number>();
    for (const record of records) seen.set(record.headers.ce_id, (seen.get(record.headers.ce_id) ?? 0) + 1);
    expect([...seen.keys()].sort()).toEqual([...expected].sort());
    expect([...seen.values()].every((times) => times === 1)).toBe(true);
    // Where the relay says each event landed is where a reader finds it, also for those it only marked.
    const { rows } = await context.db.query<{ event_id: string; kafka_partition: number; kafka_offset: string }>(
      'SELECT event_id, kafka_partition, kafka_offset::text FROM gateway_event_publication WHERE event_id = ANY($1::uuid[])', [expected]);
    expect(rows).toHaveLength(expected.length);
    for (const row of rows) {
      const record = records.find((r) => r.headers.ce_id === row.event_id);
      expect({ partition: record?.partition, offset: record?.offset }).toEqual({ partition: row.kafka_partition, offset: row.kafka_offset });
    }
  });
});
