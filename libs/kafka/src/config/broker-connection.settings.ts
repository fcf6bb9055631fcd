/**
 * librdkafka settings every client of the bridge connects with (the KafkaJS-style client's admin,
 * producer and consumers, the relay's transactional producer, the raw readers).
 *
 * A broker connection can go silent without closing: a firewall or NAT gateway that dropped its
 * state, a network path that failed, a frozen host. The kernel keeps such a connection open for
 * many minutes (retransmitting), so only a request timeout notices it: librdkafka then closes the
 * connection and sends its requests again on a new one (the idempotent producer's sequence numbers
 * keep a resent batch from being written twice). Each connection is found out only once a request
 * on it times out, one after another as a client gets to use them (the consumer's fetches, then
 * its dead-letter publish on the producer's connection): the timeout is paid more than once.
 *
 * The e2e spec kafka-silent-connections (a purchase accepted after every broker connection went
 * silent, until registered): 61 s with librdkafka's 60-s request timeout, 33.5 s with 15 s and a
 * 30-s delivery timeout, 16.6 s with 15 s and 15 s. The chaos fault kafka-connections-silenced
 * (three brokers, rule violations published to the dead-letter topic on the way) still found 38 s
 * until the connectors registered again with 15 s and 15 s; hence 10 s, a delivery timeout that
 * leaves room for a resend on the new connection, and a new shared producer after a delivery timed
 * out (KafkaProducerService): relayed again after 18 s, registered again after 21-30 s.
 */
export const BROKER_CONNECTION_SETTINGS = {
  /** A request unanswered this long fails and its connection is closed (librdkafka: 60 s). */
  'socket.timeout.ms': 10_000,
  /** A connection attempt (TCP and Kafka's handshake) given up after this (librdkafka: 30 s). */
  'socket.connection.setup.timeout.ms': 10_000,
  // librdkafka waits up to 10 s between reconnects by default: a broker back from a restart
  // would sit unused that long. One attempt a second per broker costs nothing.
  'reconnect.backoff.ms': 100,
  'reconnect.backoff.max.ms': 1_000,
} as const;

/**
 * Producers only: how long the partition leader waits for the in-sync replicas before it answers
 * a produce request with a (retried) timeout. Below `socket.timeout.ms`, so that a slow but
 * answering leader answers before the client gives up on the connection (librdkafka: 30 s).
 */
export const PRODUCE_ACK_TIMEOUT_MS = 5_000;

/**
 * How long a producer keeps trying to deliver a message before its publish (or the relay's
 * transaction) fails: KAFKA_DELIVERY_TIMEOUT_MS, this by default. Longer than `socket.timeout.ms`,
 * so that a message whose request timed out on a silent connection can be sent again on the new
 * one. A transactional producer did not do that (its transaction had become abortable): its
 * messages waited out this timeout, and the relay then started over with a new producer (new
 * connections to every broker). A broker failover (a new leader within a few seconds) fits; a
 * transaction that does not is aborted and sent again, nothing lost.
 */
export const DEFAULT_DELIVERY_TIMEOUT_MS = 15_000;
