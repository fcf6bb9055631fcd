import type { LibrdKafkaError } from '@confluentinc/kafka-javascript';

/** A promise for one of librdkafka's callback-style calls (begin, commit, flush, disconnect…). */
export function viaCallback(call: (done: (error?: LibrdKafkaError | Error | null) => void) => void): Promise<void> {
  return new Promise<void>((resolve, reject) => call((error) => (error ? reject(error) : resolve())));
}
