import { KafkaJS } from '@confluentinc/kafka-javascript';

/**
 * True when `error` came from the Kafka client (a send that timed out, a broker away, a producer
 * not connected yet): the cluster's trouble, which waiting cures — not a defect of the record.
 */
export function isKafkaUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return KafkaJS.isKafkaJSError(error) || /^Kafka producer is not connected/.test(error.message);
}
