import type { ConsumedBatch } from '@voucher-bridge/kafka';
import type { Counter } from '@voucher-bridge/metrics';
import type { ConnectorEnvironment } from '../config/connector.environment';
import { NO_DELIVERIES } from '../deliveries/enqueue/delivery.enqueuer';
import type { DeadLetterDraft } from './dead-letter.draft';
import type { DeadLetterPublisher } from './dead-letter.publisher';
import { RegisterVoucherEventsHandler } from './register-voucher-events.handler';
import { planRegistryBatch } from './state/registry-batch.plan';
import type { RegistryWrite, VoucherRegistryRepository } from './voucher-registry.repository';

/** Records that cannot be read: each becomes a dead letter, which shows where it came from. */
const unreadable = (partition: number, offsets: number[], value = 'not json'): ConsumedBatch => ({
  topic: 'test.voucher',
  partition,
  messages: offsets.map((offset) => ({ offset: String(offset), key: Buffer.from('GIFT-1'), value: Buffer.from(`${value} ${partition}@${offset}`) }) as never),
});

/** A registry that parks every draft it is given and fails for the partitions named. */
class FakeRegistry {
  readonly calls: DeadLetterDraft[][] = [];
  failFor = new Set<number>();

  async apply(_events: unknown[], drafts: DeadLetterDraft[], _at: Date, beforeCommit: (write: RegistryWrite) => Promise<void>): Promise<RegistryWrite> {
    this.calls.push(drafts);
    await new Promise((resolve) => setImmediate(resolve));
    if (drafts.some((draft) => this.failFor.has(draft.partition))) throw new Error('a defect meeting one record');
    const write = {
      plan: planRegistryBatch([], new Map(), new Set()),
      parked: drafts.map((draft, i) => ({ ...draft, id: String(i), attempts: 1 })),
      deliveries: NO_DELIVERIES,
    };
    await beforeCommit(write);
    return write;
  }
}

describe('RegisterVoucherEventsHandler', () => {
  let registry: FakeRegistry;
  let published: { partition: number; offset: string; value: string }[];
  let handler: RegisterVoucherEventsHandler;

  beforeEach(() => {
    registry = new FakeRegistry();
    published = [];
    const deadLetters = {
      publish: async (letters: { parked: DeadLetterDraft; value: Buffer | null }[]) => {
        published.push(...letters.map(({ parked, value }) => ({ partition: parked.partition, offset: parked.offset, value: String(value) })));
      },
    };
    const counter = { inc: () => undefined } as unknown as Counter<'outcome' | 'rule'>;
    handler = new RegisterVoucherEventsHandler(
      registry as unknown as VoucherRegistryRepository, deadLetters as unknown as DeadLetterPublisher, counter,
      { CONSUMER_POISON_BOUND_MS: 60_000 } as ConnectorEnvironment,
    );
  });

  it('handles small batches of partitions in hand at once in one transaction, each record with its own dead letter', async () => {
    await Promise.all([handler.handle(unreadable(0, [5, 6])), handler.handle(unreadable(1, [5]))]);

    expect(registry.calls.map((drafts) => drafts.map((d) => `${d.partition}@${d.offset}`))).toEqual([['0@5', '0@6', '1@5']]);
    // Offset 5 in both partitions: each dead letter carries its own record.
    expect(published).toEqual([
      { partition: 0, offset: '5', value: 'not json 0@5' },
      { partition: 0, offset: '6', value: 'not json 0@6' },
      { partition: 1, offset: '5', value: 'not json 1@5' },
    ]);
  });

  it('handles a large batch in a transaction of its own', async () => {
    const large = unreadable(0, Array.from({ length: 100 }, (_, i) => i));
    await Promise.all([handler.handle(large), handler.handle(unreadable(1, [7]))]);

    expect(registry.calls.map((drafts) => drafts.length).sort((a, b) => a - b)).toEqual([1, 100]);
  });

  it('fails only the batch whose transaction fails when tried alone', async () => {
    registry.failFor.add(1);

    const [good, bad] = await Promise.allSettled([handler.handle(unreadable(0, [5])), handler.handle(unreadable(1, [5]))]);

    expect(good.status).toBe('fulfilled');
    expect(bad).toMatchObject({ status: 'rejected', reason: new Error('a defect meeting one record') });
    expect(published).toEqual([{ partition: 0, offset: '5', value: 'not json 0@5' }]);
  });

  it('tries a batch that failed before alone, not in its neighbours\' transaction', async () => {
    registry.failFor.add(1);
    await handler.handle(unreadable(1, [5])).catch(() => undefined);
    registry.calls.length = 0;

    const [good, bad] = await Promise.allSettled([handler.handle(unreadable(0, [5])), handler.handle(unreadable(1, [5]))]);

    expect(good.status).toBe('fulfilled');
    expect(bad.status).toBe('rejected');
    expect(registry.calls.map((drafts) => drafts.map((d) => `${d.partition}@${d.offset}`)).sort()).toEqual([['0@5'], ['1@5']]);
  });
});
