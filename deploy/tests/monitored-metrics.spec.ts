import { baseMetricName, metricNamesInPromQL, monitoredMetrics } from '../monitoring/monitored-metrics';

describe('metric names in PromQL', () => {
  it('finds metrics and skips functions, keywords, labels, ranges and grouping', () => {
    expect(
      metricNamesInPromQL(
        'sum by (app, kind) (rate(outbox_publish_errors_total{kind=~"broker|db", app!="x"}[5m])) > 0 '
          + 'and on () (sum(increase(voucher_events_handled_total[10m] offset 5m)) or vector(0)) == bool 0',
      ).sort(),
    ).toEqual(['outbox_publish_errors_total', 'voucher_events_handled_total']);
    expect(metricNamesInPromQL('histogram_quantile(0.99, sum by (le) (rate(x_seconds_bucket[$__rate_interval]))) * 1e3')).toEqual([
      'x_seconds_bucket',
    ]);
    expect(metricNamesInPromQL('voucher_bridge:business_hours == 1 and up{job="a"}')).toEqual(['voucher_bridge:business_hours', 'up']);
  });

  it('maps histogram series to their metric', () => {
    expect(['a_seconds_bucket', 'a_seconds_sum', 'a_seconds_count', 'a_total'].map(baseMetricName)).toEqual([
      'a_seconds',
      'a_seconds',
      'a_seconds',
      'a_total',
    ]);
  });

  it('lists what the rules and the dashboard use, without recorded or Prometheus-made series', () => {
    const metrics = monitoredMetrics().map((use) => use.metric);
    expect(metrics).toEqual(expect.arrayContaining([
      'outbox_oldest_unsent_age_seconds',
      'connector_consumer_lag',
      'dead_letters_parked',
      'webhook_deliveries_total',
      'webhook_delivery_latency_seconds',
      'voucher_purchases_total',
      'process_resident_memory_bytes',
    ]));
    expect(metrics).not.toContain('up');
    expect(metrics).not.toContain('voucher_bridge:business_hours');
    expect(metrics.filter((name) => name.includes(':'))).toEqual([]);
  });
});
