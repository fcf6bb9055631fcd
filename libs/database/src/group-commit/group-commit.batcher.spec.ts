import { GroupCommitBatcher } from './group-commit.batcher';

const options = { maxBatchSize: 3, maxWaitMs: 5, maxConcurrentFlushes: 1 };

describe('GroupCommitBatcher', () => {
  it('writes concurrent callers in shared batches and answers each with its own result', async () => {
    const batches: number[][] = [];
    const batcher = new GroupCommitBatcher<number, string>(async (items) => {
      batches.push(items);
      return items.map((n) => `row-${n}`);
    }, options);

    const results = await Promise.all([1, 2, 3, 4, 5].map((n) => batcher.write(n)));

    expect(results).toEqual(['row-1', 'row-2', 'row-3', 'row-4', 'row-5']);
    expect(batches).toEqual([[1, 2, 3], [4, 5]]);
  });

  it('does not let one bad row fail its neighbours', async () => {
    const batcher = new GroupCommitBatcher<number, number>(async (items) => {
      if (items.includes(13)) throw new Error('row 13 violates a constraint');
      return items.map((n) => n * 10);
    }, options);

    const results = await Promise.allSettled([12, 13, 14].map((n) => batcher.write(n)));

    expect(results).toEqual([
      { status: 'fulfilled', value: 120 },
      { status: 'rejected', reason: new Error('row 13 violates a constraint') },
      { status: 'fulfilled', value: 140 },
    ]);
  });

  it('fails the whole batch at once, without retrying item by item, when the database is away', async () => {
    const calls: number[][] = [];
    const unavailable = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    const batcher = new GroupCommitBatcher<number, number>(async (items) => {
      calls.push(items);
      throw unavailable;
    }, options);

    const results = await Promise.allSettled([1, 2, 3].map((n) => batcher.write(n)));

    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(calls).toEqual([[1, 2, 3]]);
  });

  it('drains: resolves only after every pending write was answered', async () => {
    const written: number[] = [];
    const batcher = new GroupCommitBatcher<number, void>(async (items) => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      written.push(...items);
      return items.map(() => undefined);
    }, { ...options, maxWaitMs: 1_000 });

    const pending = [batcher.write(1), batcher.write(2)];
    await batcher.drain();

    expect(written).toEqual([1, 2]);
    await expect(Promise.all(pending)).resolves.toEqual([undefined, undefined]);
  });
});
