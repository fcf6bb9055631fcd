export interface KafkaTopicSpec {
  topic: string;
  numPartitions: number;
  replicationFactor: number;
  /** Topic-level settings, e.g. `{ name: 'cleanup.policy', value: 'compact' }`. */
  configEntries?: { name: string; value: string }[];
}

export interface KafkaModuleOptions {
  /** host:port pairs of the bootstrap brokers. */
  brokers: string[];
  clientId: string;
  /** Topics created at start-up when missing. */
  topics?: KafkaTopicSpec[];
  /** How long the producer keeps retrying one message before its publish rejects. */
  deliveryTimeoutMs?: number;
  /** How long producing waits to fill a batch; a few ms buys throughput. */
  lingerMs?: number;
}
