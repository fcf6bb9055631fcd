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

  it('ignores what is not a report', () => {
    const statistics = new ConsumerStatistics();
    statistics.update('not json');
    statistics.update(undefined);
    expect(statistics.lag(new Set())).toBeUndefined();
  });
});
