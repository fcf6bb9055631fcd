/**
 * How long relaying took from the first rows marked sent to the last (sent_at is the marking
 * transaction's start, a few ms after Kafka committed them): the rate without the app's start-up,
 * next to the figure with it.
 */
export const RELAY_SPAN = `
SELECT count(*)::int AS n, extract(epoch FROM max(sent_at) - min(sent_at))::float8 AS seconds
FROM gateway_outbox WHERE sent_at >= $1::timestamptz`;
