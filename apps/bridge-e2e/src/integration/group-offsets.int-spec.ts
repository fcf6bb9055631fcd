import { KafkaConsumer } from '@confluentinc/kafka-javascript';
import { Test, TestingModule } from '@nestjs/testing';
import { KafkaAdminService, KafkaModule } from '@voucher-bridge/kafka';
import { randomBytes } from 'node:crypto';
import { eventually } from '../support/eventually';
import { TEST_KAFKA_BROKERS } from '../support/test-environment';

/**
 * KafkaAdminService.committedOffsets against the real test broker: what the gateway's relay asks
 * before it writes to partitions added to a topic (have the readers read the old ones to their
 * end?). Asked through a consumer of the group that never joins it, not the admin API (whose
 * NOT_COORDINATOR answer crashes librdkafka 2.15: see group-offsets.reader.ts).
 */
describe('KafkaAdminService.committedOffsets', () => {
  const topic = `test-int${randomBytes(3).toString('hex')}.voucher`;
  const groupId = `${topic}.readers`;
  let module: TestingModule;

  beforeAll(async () => {
    module = await Test.createTestingModule({
      imports: [KafkaModule.forRoot({ brokers: [TEST_KAFKA_BROKERS], clientId: 'group-offsets-int-spec', topics: [{ topic, numPartitions: 3, replicationFactor: 1 }] })],
    }).compile();
    await module.init();
    await module.get(KafkaAdminService).whenTopicsExist([topic], new AbortController().signal);
  });

  afterAll(async () => {
    await module?.close();
  });

  it('reports nothing for a group that never committed, then each partition it committed on', async () => {
    const admin = module.get(KafkaAdminService);
    expect(await admin.committedOffsets(groupId, topic)).toEqual(new Map());

    await commit(groupId, [{ topic, partition: 0, offset: 4 }, { topic, partition: 2, offset: 9 }]);

    await eventually('the committed offsets to be read back', async () => {
      expect(await admin.committedOffsets(groupId, topic)).toEqual(new Map([[0, 4n], [2, 9n]]));
    });
    // Another group's offsets are its own.
    expect(await admin.committedOffsets(`${groupId}.other`, topic)).toEqual(new Map());
  });
});

/** Commits offsets for `groupId` the way a consumer of the group does (a simple consumer: no join). */
async function commit(groupId: string, offsets: { topic: string; partition: number; offset: number }[]): Promise<void> {
  const consumer = new KafkaConsumer({ 'bootstrap.servers': TEST_KAFKA_BROKERS, 'group.id': groupId, 'enable.auto.commit': false }, {});
  await new Promise<void>((resolve, reject) => consumer.connect({ timeout: 10_000 }, (error) => (error ? reject(error) : resolve())));
  try {
    consumer.commitSync(offsets);
  } finally {
    await new Promise<void>((resolve) => consumer.disconnect(() => resolve()));
  }
}
