import { ConsumerStatistics } from './consumer-statistics';

describe('ConsumerStatistics', () => {
  const report = JSON.stringify({
    topics: {
      'dev.voucher': {
        partitions: {
          '-1': { partition: -1, committed_offset: -1001, ls_offset: -1001, consumer_lag: -1 },
          1: { partition: 1, committed_offset: 40, ls_offset: 42, hi_offset: 42, consumer_lag: 2 },
          0: { partition: 0, committed_offset: -1001, ls_offset: 7, hi_offset: 7, consumer_lag: -1 },
        },
      },
    },
  });

  it('keeps the lag of the assigned partitions from the latest report', () => {
    const statistics = new ConsumerStatistics();
    expect(statistics.lag(new Set(['dev.voucher[1]']))).toBeUndefined();
    statistics.update({ message: report });
    expect(statistics.lag(new Set(['dev.voucher[0]', 'dev.voucher[1]']))?.partitions).toEqual([
      { topic: 'dev.voucher', partition: 0, committed: null, end: '7', lag: null },
      { topic: 'dev.voucher', partition: 1, committed: '40', end: '42', lag: 2 },
    ]);
    expect(statistics.lag(new Set(['dev.voucher[1]']))?.partitions.map((p) => p.partition)).toEqual([1]);
  });

  it('does not count the transaction markers at the end of a partition as records waiting', () => {
    const statistics = new ConsumerStatistics();
    const partition = (stats: object) => JSON.stringify({ topics: { 'dev.voucher': { partitions: { 0: { partition: 0, ...stats } } } } });
    const assigned = new Set(['dev.voucher[0]']);
    // Records 0-9 committed, a commit marker at 10: librdkafka has handed everything up to 11 over.
    const markerOnly = { committed_offset: 10, app_offset: 11, ls_offset: 11, fetchq_cnt: 0, consumer_lag: 1 };
    statistics.update(partition(markerOnly));
    expect(statistics.lag(assigned)?.partitions[0]).toEqual({ topic: 'dev.voucher', partition: 0, committed: '10', end: '11', lag: 0 });
    // The same while a batch of the partition is in hand: its records are waiting.
    expect(statistics.lag(assigned, new Set(['dev.voucher[0]']))?.partitions[0].lag).toBe(1);
    // Fetched, not handed over yet: waiting.
    statistics.update(partition({ ...markerOnly, app_offset: 11, ls_offset: 14, fetchq_cnt: 3, consumer_lag: 4 }));
    expect(statistics.lag(assigned)?.partitions[0].lag).toBe(4);
    // Not handed over up to the end: waiting.
    statistics.update(partition({ ...markerOnly, ls_offset: 20, consumer_lag: 10 }));
    expect(statistics.lag(assigned)?.partitions[0].lag).toBe(10);
  });

  it('ignores what is not a report', () => {
    const statistics = new ConsumerStatistics();
    statistics.update('not json');
    statistics.update(undefined);
    expect(statistics.lag(new Set())).toBeUndefined();
  });
});
