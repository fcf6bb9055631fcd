/** What /health/ready details and /metrics gauges say about the connector's work. */
export interface ConnectorStatus {
  consumer: {
    groupId: string;
    topic: string;
    connected: boolean;
    partitions: { count: number; assigned: number[] };
    /**
     * Of the partitions this member consumes, from librdkafka's statistics (last stable offset
     * minus committed offset; null while unknown, e.g. nothing committed yet).
     */
    lag: {
      total: number;
      measuredAt: string;
      partitions: { partition: number; committed: string | null; end: string | null; lag: number | null }[];
    } | { error: string };
  };
  deadLetters: {
    parked: { record: number; delivery: number };
    /** Age in seconds of the oldest parked dead letter; null when none is parked. */
    oldestParkedSeconds: number | null;
  } | { error: string };
  subscriptions: { failing: number } | { error: string };
}
