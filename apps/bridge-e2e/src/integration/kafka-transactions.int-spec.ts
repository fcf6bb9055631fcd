import { Test, TestingModule } from '@nestjs/testing';
import { CommitOptions, KafkaAdminService, KafkaModule, KafkaTransactionsService, keyPartition, TransactionalPublisher } from '@voucher-bridge/kafka';
import { setTimeout as delay } from 'node:timers/promises';
import { randomBytes } from 'node:crypto';
import { eventually } from '../support/eventually';
import { readRecords } from '../support/kafka-client';
import { TEST_KAFKA_BROKERS } from '../support/test-environment';

/** KafkaTransactionsService against the real test broker. */
describe('KafkaTransactionsService', () => {
  const suffix = randomBytes(3).toString('hex');
  const topic = `test-int${suffix}.voucher`;
  const positionTopic = `${topic}.relay-position`;
  const transactionalId = `test-int${suffix}.relay`;
  let module: TestingModule;
  const opened: TransactionalPublisher[] = [];

  beforeAll(async () => {
    module = await Test.createTestingModule({
      imports: [
        KafkaModule.forRoot({
          brokers: [TEST_KAFKA_BROKERS],
          clientId: 'kafka-transactions-int-spec',
          topics: [
            { topic, numPartitions: 2, replicationFactor: 1 },
            { topic: positionTopic, numPartitions: 1, replicationFactor: 1, configEntries: [{ name: 'cleanup.policy', value: 'compact' }] },
          ],
        }),
      ],
    }).compile();
    module.useLogger(false);
    await module.init();
    await module.get(KafkaAdminService).whenTopicsExist([topic, positionTopic], new AbortController().signal);
  });

  afterAll(async () => {
    await Promise.all(opened.map((publisher) => publisher.close()));
    await module?.close();
  });

  async function open(): Promise<TransactionalPublisher> {
    const publisher = await module.get(KafkaTransactionsService).open(transactionalId);
    opened.push(publisher);
    return publisher;
  }

  type Message = { key: string; value: string; headers?: Record<string, string>; partition?: number };
  const batch = (label: string): Message[] => [{ key: `${label}-1`, value: label }, { key: `${label}-2`, value: label }];
  const position = (label: string) => ({ topic: positionTopic, messages: [{ key: transactionalId, value: label }] });

  /** One transaction of `batches`, each sent a moment after the one before (as the relay sends batches it reads), then committed. */
  async function publish(publisher: TransactionalPublisher, batches: Message[][], options?: CommitOptions) {
    const transaction = await publisher.begin();
    try {
      for (const [index, messages] of batches.entries()) {
        if (index > 0) await delay(50);
        for (const message of messages) transaction.send(topic, message);
      }
    } catch (error) {
      await transaction.abort();
      throw error;
    }
    return transaction.commit(options);
  }

  it('commits records and position together, and a new holder of the id fences the old one', async () => {
    const transactions = module.get(KafkaTransactionsService);
    expect(await transactions.lastCommitted(positionTopic)).toBeUndefined();

    const old = await open();
    const landed = await publish(old, [batch('first'), batch('first-more')], { with: position('after-first') });
    expect(landed.map((record) => record.topic)).toEqual([topic, topic, topic, topic]);
    expect(String(await transactions.lastCommitted(positionTopic))).toBe('after-first');

    // A new holder of the transactional id: its initTransactions fences the old producer.
    const successor = await open();
    await expect(publish(old, [batch('fenced')], { with: position('after-fenced') })).rejects.toThrow();
    expect(old.usable).toBe(false);
    await publish(successor, [batch('second')], { with: position('after-second') });

    // A transaction that fails before its commit leaves nothing a read_committed reader sees.
    await expect(publish(successor, [batch('aborted'), batch('aborted')], {
      with: position('after-aborted'),
      beforeCommit: () => Promise.reject(new Error('marking failed')),
    })).rejects.toThrow('marking failed');

    expect(String(await transactions.lastCommitted(positionTopic))).toBe('after-second');
    const records = await readRecords(topic, 6, 2_000);
    expect(records.map((record) => record.value).sort()).toEqual(['first', 'first', 'first-more', 'first-more', 'second', 'second']);
  });

  it('finds committed records by a header value, reading forward from the offsets given', async () => {
    const transactions = module.get(KafkaTransactionsService);
    const before = await transactions.endOffsets(topic);
    expect([...before.keys()].sort()).toEqual([0, 1]);
    const publisher = await open();
    const landed = await publish(publisher, [[
      { key: 'find-a', value: 'found', headers: { ce_id: `${suffix}-1` } },
      { key: 'find-b', value: 'found', headers: { ce_id: `${suffix}-2` } },
    ]]);
    const wanted = new Set([`${suffix}-1`, `${suffix}-2`, `${suffix}-never-written`]);

    const fromBefore = await transactions.findRecords(topic, 'ce_id', wanted, before);
    expect(fromBefore.get(`${suffix}-1`)).toEqual(landed[0]);
    expect(fromBefore.get(`${suffix}-2`)).toEqual(landed[1]);
    expect(fromBefore.size).toBe(2);
    // From each partition's start (no offsets given) they are found too; past them, not.
    expect((await transactions.findRecords(topic, 'ce_id', wanted, new Map())).size).toBe(2);
    expect((await transactions.findRecords(topic, 'ce_id', wanted, await transactions.endOffsets(topic))).size).toBe(0);
  });

  it("sends a keyed message without a partition where keyPartition says (librdkafka's default partitioner), and one with a partition there", async () => {
    const publisher = await open();
    const keys = Array.from({ length: 40 }, (_, i) => `GIFT-${suffix}-${i}`);
    const landed = await publish(publisher, [keys.map((key) => ({ key, value: 'by key' }))]);
    expect(landed.map((record) => record.partition)).toEqual(keys.map((key) => keyPartition(key, 2)));
    const other = 1 - keyPartition(keys[0], 2);
    const [pinned] = await publish(publisher, [[{ key: keys[0], value: 'placed', partition: other }]]);
    expect(pinned.partition).toBe(other);
  });

  it('reports a partition whose transaction is open as not stable, and stable again once committed', async () => {
    const admin = module.get(KafkaAdminService);
    expect(await admin.partitionCount(topic)).toBe(2);
    const before = (await admin.partitionEnds(topic)).get(0)!.high;
    const publisher = await open();
    const transaction = await publisher.begin();
    transaction.send(topic, { key: 'open', value: 'open', partition: 0 });
    // Once past linger the record is on the broker, its transaction open: the end is not stable.
    const open0 = await eventually('the open transaction\'s record on the broker', async () => {
      const ends = (await admin.partitionEnds(topic)).get(0)!;
      if (ends.high === before) throw new Error('the record is not on the broker yet');
      return ends;
    }, 40, 100);
    expect(open0.stable).toBeLessThan(open0.high);
    const [landed] = await transaction.commit();
    // The coordinator writes the commit's markers after the commit returns: never a stable
    // offset past the high watermark meanwhile, and stable once the marker is there.
    const seen: { stable: bigint; high: bigint }[] = [];
    const committed0 = await eventually('the commit marker', async () => {
      const ends = (await admin.partitionEnds(topic)).get(0)!;
      seen.push(ends);
      if (ends.stable !== ends.high) throw new Error(`stable ${ends.stable} of ${ends.high}`);
      return ends;
    }, 40, 100);
    expect(seen.filter(({ stable, high }) => stable > high)).toEqual([]);
    // The commit left a marker after the record: the partition ends past it.
    expect(committed0.high).toBe(BigInt(landed.offset) + 2n);
  });
});
