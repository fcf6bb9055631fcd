import { Test, TestingModule } from '@nestjs/testing';
import { KafkaConsumerFactory, KafkaModule, KafkaProducerService } from '@voucher-bridge/kafka';
import { randomBytes } from 'node:crypto';
import { eventually } from '../support/eventually';
import { kafkaBroker } from '../support/kafka-broker';
import { committedTotal } from '../support/kafka-client';
import { TEST_KAFKA_BROKERS } from '../support/test-environment';

/** KafkaModule against the real test broker. */
describe('KafkaModule', () => {
  const topic = `test-int${randomBytes(3).toString('hex')}.voucher`;
  let module: TestingModule;

  beforeAll(async () => {
    module = await Test.createTestingModule({
      imports: [
        KafkaModule.forRoot({
          brokers: [TEST_KAFKA_BROKERS],
          clientId: 'kafka-int-spec',
          topics: [{ topic, numPartitions: 2, replicationFactor: 1 }],
          deliveryTimeoutMs: 3_000,
        }),
      ],
    }).compile();
    // The broker is stopped on purpose below: its connection errors are expected noise.
    module.useLogger(false);
    await module.init();
  });

  afterAll(async () => {
    await kafkaBroker('start');
    await module?.close();
  });

  it('publish resolves once the broker acknowledged the messages', async () => {
    const metadata = await eventually('topic to exist', () =>
      module.get(KafkaProducerService).publish(topic, [{ key: 'k1', value: 'v1' }, { key: 'k2', value: 'v2' }]),
    );
    expect(metadata.length).toBeGreaterThan(0);
    expect(metadata.every((m) => m.errorCode === 0)).toBe(true);
  });

  it('commits a batch only after the handler succeeded, retrying it while it fails', async () => {
    const groupId = `${topic}.int-group`;
    const attempts: string[][] = [];
    const consumer = module.get(KafkaConsumerFactory).createBatchConsumer({
      groupId,
      topics: [topic],
      handleBatch: async ({ messages }) => {
        attempts.push(messages.map((m) => String(m.value)));
        if (attempts.length <= 2) throw new Error('registry down');
      },
    });
    consumer.start();
    await eventually('the batch to be handled after two failures', async () => {
      expect(attempts.length).toBeGreaterThanOrEqual(3);
    });
    await eventually('the offsets to be committed', async () => {
      expect(await committedTotal(groupId, topic)).toBe(2);
    });
    // The failed attempts saw the same messages as the successful one: nothing was skipped.
    expect(attempts.slice(0, 3).map((a) => a.sort())).toEqual(expect.arrayContaining([attempts[2].sort()]));
    await consumer.stop();
  });

  it('publish rejects when the broker does not take the message', async () => {
    await kafkaBroker('stop');
    await expect(module.get(KafkaProducerService).publish(topic, [{ key: 'k3', value: 'lost?' }])).rejects.toThrow();
  });
});
