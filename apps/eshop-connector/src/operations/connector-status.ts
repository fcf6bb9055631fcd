import type { PartitionLag } from '@voucher-bridge/kafka';

/** What /health/ready details and /metrics gauges say about the connector's work. */
export interface ConnectorStatus {
  consumer: {
    groupId: string;
    topic: string;
    connected: boolean;
    partitions: { count: number; assigned: number[] };
    /** Over every partition of the topic (the whole group's), so an idle member still sees it. */
    lag: { total: number; partitions: PartitionLag[] } | { error: string };
  };
  deadLetters: {
    parked: { record: number; delivery: number };
    /** Age in seconds of the oldest parked dead letter; null when none is parked. */
    oldestParkedSeconds: number | null;
  } | { error: string };
  subscriptions: { failing: number } | { error: string };
}
