/** DI token for the shared `KafkaJS.Kafka` client of @confluentinc/kafka-javascript. */
export const KAFKA_CLIENT = Symbol('KAFKA_CLIENT');
