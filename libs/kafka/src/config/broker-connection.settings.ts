/**
 * librdkafka settings every client of the bridge connects with (the KafkaJS-style client's admin,
 * producer and consumers, the relay's transactional producer, the raw readers).
 *
 * A broker connection can go silent without closing: a firewall or NAT gateway that dropped its
 * state, a network path that failed, a frozen host. The kernel keeps such a connection open for
 * many minutes (retransmitting), so only a request timeout notices it; librdkafka's default of
 * 60 s then held the relay up for 100 s (its transaction timed out and was aborted on top) and the
 * consumer as long. With 15 s, a request on a silent connection fails, librdkafka closes that
 * connection and sends its requests again on a new one (the idempotent producer's sequence
 * numbers keep a resent batch from being written twice). The e2e spec kafka-silent-connections:
 * a purchase accepted after every broker connection went silent registered after 61 s with the
 * default, 16.7 s with this.
 */
export const BROKER_CONNECTION_SETTINGS = {
  /** A request unanswered this long fails and its connection is closed (librdkafka: 60 s). */
  'socket.timeout.ms': 15_000,
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
export const PRODUCE_ACK_TIMEOUT_MS = 10_000;
