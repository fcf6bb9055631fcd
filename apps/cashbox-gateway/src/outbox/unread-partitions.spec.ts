import type { PartitionEnds } from '@voucher-bridge/kafka';
import { describeUnread, unreadPartitions } from './unread-partitions';

const ends = (...list: [number, number, number?][]): Map<number, PartitionEnds> =>
  new Map(list.map(([low, high, stable], partition) => [partition, { low: BigInt(low), high: BigInt(high), stable: BigInt(stable ?? high) }]));

describe('unreadPartitions', () => {
  it('counts a partition read when the group committed up to its last marker or past it', () => {
    const committed = new Map([[0, 41n], [1, 42n]]);
    expect(unreadPartitions(ends([0, 42], [0, 42]), committed, 2, () => false)).toEqual([]);
  });

  it('names partitions with records the group has not handled, or never committed on', () => {
    const unread = unreadPartitions(ends([0, 42], [0, 10], [5, 9]), new Map([[0, 40n]]), 3, () => false);
    expect(unread).toEqual([
      { partition: 0, committed: 40n, end: 42n, settling: false },
      { partition: 1, committed: null, end: 10n, settling: false },
      { partition: 2, committed: null, end: 9n, settling: false },
    ]);
    expect(unread.map(describeUnread)).toEqual([
      'partition 0 (committed 40 of 42)', 'partition 1 (committed nothing of 10)', 'partition 2 (committed nothing of 9)',
    ]);
  });

  it('counts a partition whose last entry is a record (another writer than the relay) read only when committed to its end', () => {
    const endsWithRecord = (partition: number) => partition === 1;
    expect(unreadPartitions(ends([0, 42], [0, 42]), new Map([[0, 41n], [1, 41n]]), 2, endsWithRecord))
      .toEqual([{ partition: 1, committed: 41n, end: 42n, settling: false }]);
    expect(unreadPartitions(ends([0, 42], [0, 42]), new Map([[0, 41n], [1, 42n]]), 2, endsWithRecord)).toEqual([]);
  });

  it('needs no reading of an empty partition, nor of one whose records all expired', () => {
    expect(unreadPartitions(ends([0, 0], [17, 17]), new Map(), 2, () => true)).toEqual([]);
  });

  it('never counts a partition read while a transaction on it is being settled', () => {
    // The last record is at 41 and its commit marker not written yet: committed 41 is not the end.
    const unread = unreadPartitions(ends([0, 42, 41]), new Map([[0, 41n]]), 1, () => false);
    expect(unread).toEqual([{ partition: 0, committed: 41n, end: 42n, settling: true }]);
    expect(describeUnread(unread[0])).toBe('partition 0 (a transaction being settled)');
  });

  it('looks only at the partitions in use, and fails when one of them has no offsets', () => {
    expect(unreadPartitions(ends([0, 5], [0, 9]), new Map([[0, 4n]]), 1, () => false)).toEqual([]);
    expect(() => unreadPartitions(ends([0, 5]), new Map(), 2, () => false)).toThrow('partition 1 has no offsets');
  });
});
