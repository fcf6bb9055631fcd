import { Test, TestingModule } from '@nestjs/testing';
import { BatchConsumer, ConsumedBatch, KafkaConsumerFactory, KafkaModule } from '@voucher-bridge/kafka';
import { randomBytes } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { eventually } from '../support/eventually';
import { committedTotal, produce } from '../support/kafka-client';
import { TEST_KAFKA_BROKERS } from '../support/test-environment';

const PARTITIONS = 4;
const KEYS = 40;
const RECORDS = 1_200;

/**
 * BatchConsumer in a consumer group on the real broker: a second member joins while the first is
 * handling batches, so partitions move from it mid-work (KIP-848 incremental revocation). A
 * partition is given up only after the batch in hand finished: no two members ever handle one
 * partition at once, every record is handled, each key's records in order, and the group commits
 * everything. A guard for any change to how batches are fetched and handed over (a variant that
 * gave revoked partitions up at once left the group short of its last records and failed here).
 */
describe('BatchConsumer across a rebalance', () => {
  const topic = `test-lanes${randomBytes(3).toString('hex')}.voucher`;
  const groupId = `${topic}.group`;
  let module: TestingModule;
  const consumers: BatchConsumer[] = [];

  beforeAll(async () => {
    module = await Test.createTestingModule({
      imports: [KafkaModule.forRoot({ brokers: [TEST_KAFKA_BROKERS], clientId: 'lanes-int-spec', topics: [{ topic, numPartitions: PARTITIONS, replicationFactor: 1 }] })],
    }).compile();
    module.useLogger(false);
    await module.init();
    const sequence = new Map<string, number>();
    const messages = Array.from({ length: RECORDS }, (_, n) => {
      const key = `key-${n % KEYS}`;
      const seq = (sequence.get(key) ?? 0) + 1;
      sequence.set(key, seq);
      return { key, value: `${key}:${seq}` };
    });
    await eventually('the topic to take the records', () => produce(topic, messages));
  });

  afterAll(async () => {
    await Promise.all(consumers.map((consumer) => consumer.stop()));
    await module?.close();
  });

  it('never lets two members handle one partition at once, and handles and commits every record in order per key', async () => {
    const handling = new Map<number, string>();
    const overlaps: string[] = [];
    const outOfOrder: string[] = [];
    const seen = new Set<string>();
    let batches = 0;
    const member = (name: string, handlingMs: number) => async ({ partition, messages }: ConsumedBatch) => {
      const other = handling.get(partition);
      if (other) overlaps.push(`${name} got partition ${partition} while ${other} handled it`);
      handling.set(partition, name);
      try {
        batches++;
        const last = new Map<string, number>();
        for (const message of messages) {
          const [key, seq] = String(message.value).split(':');
          if ((last.get(key) ?? 0) >= Number(seq)) outOfOrder.push(`${name}: ${message.value} after ${key}:${last.get(key)}`);
          last.set(key, Number(seq));
          seen.add(String(message.value));
        }
        await delay(handlingMs);
      } finally {
        if (handling.get(partition) === name) handling.delete(partition);
      }
    };
    const factory = module.get(KafkaConsumerFactory);
    const create = (name: string, handlingMs: number) => {
      const consumer = factory.createBatchConsumer({ groupId, topics: [topic], partitionsConsumedConcurrently: 2, maxBatchSize: 50, handleBatch: member(name, handlingMs) });
      consumers.push(consumer);
      consumer.start();
      return consumer;
    };

    // The first member is slow, so it has batches in hand (and more waiting in its lanes) when
    // the second joins and takes partitions over; the second is quick to pick them up.
    const first = create('first', 1_000);
    await eventually('the first member to handle some batches', async () => expect(batches).toBeGreaterThanOrEqual(2));
    const second = create('second', 10);
    await eventually('both members to hold partitions', async () => {
      expect(first.assignment().length).toBeGreaterThan(0);
      expect(second.assignment().length).toBeGreaterThan(0);
    });
    await eventually('the group to commit every record', async () => expect(await committedTotal(groupId, topic)).toBe(RECORDS));

    expect(overlaps).toEqual([]);
    expect(outOfOrder).toEqual([]);
    expect(seen.size).toBe(RECORDS);
  });
});
