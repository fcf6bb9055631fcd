import { IsolationLevel, KafkaJS } from '@confluentinc/kafka-javascript';
import type { KafkaModuleOptions } from '../config/kafka-module.options';
import { KafkaAdminService } from './kafka-admin.service';

/**
 * A partition whose last transaction has just committed: its record is at offset 29, and the
 * commit's marker (offset 30) is written while the service asks, at the `markerAt`-th offsets
 * request (1: before the first).
 */
function partitionSettlingAt(markerAt: number) {
  const asked: IsolationLevel[] = [];
  const admin = {
    connect: async () => undefined,
    disconnect: async () => undefined,
    fetchTopicOffsets: async (_topic: string, { isolationLevel }: { isolationLevel: IsolationLevel }) => {
      asked.push(isolationLevel);
      const marked = asked.length >= markerAt;
      const high = marked ? 31 : 30;
      const stable = marked ? 31 : 29;
      const end = isolationLevel === IsolationLevel.READ_COMMITTED ? stable : high;
      return [{ partition: 0, low: '0', high: String(end), offset: String(end) }];
    },
  };
  return { admin, asked };
}

function startedWith(admin: object): KafkaAdminService {
  const kafka = { admin: () => admin } as unknown as KafkaJS.Kafka;
  const options: KafkaModuleOptions = { brokers: ['127.0.0.1:1'], clientId: 'kafka-admin-spec', topics: [] };
  const service = new KafkaAdminService(kafka, options);
  service.onModuleInit();
  return service;
}

describe('KafkaAdminService.partitionEnds', () => {
  it.each([1, 2, 3])('never shows a stable offset past the high watermark (the marker written at request %i)', async (markerAt) => {
    const { admin } = partitionSettlingAt(markerAt);
    const service = startedWith(admin);
    const ends = (await service.partitionEnds('t')).get(0)!;
    expect(ends.stable).toBeLessThanOrEqual(ends.high);
    expect(ends.low).toBe(0n);
    await service.onApplicationShutdown();
  });

  it('asks for the stable offsets first, so a marker landing in between only looks unsettled', async () => {
    const { admin, asked } = partitionSettlingAt(2);
    const service = startedWith(admin);
    const ends = (await service.partitionEnds('t')).get(0)!;
    expect(asked).toEqual([IsolationLevel.READ_COMMITTED, IsolationLevel.READ_UNCOMMITTED]);
    expect(ends).toEqual({ low: 0n, high: 31n, stable: 29n });
    // Asked again once the marker is there: settled.
    expect((await service.partitionEnds('t')).get(0)).toEqual({ low: 0n, high: 31n, stable: 31n });
    await service.onApplicationShutdown();
  });
});
