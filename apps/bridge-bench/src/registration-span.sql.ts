/**
 * How long registering took from the first registry transaction to the last one (each voucher
 * row's updated_at is its transaction's start; every seeded event is a purchase of its own
 * voucher): the rate without the app's start-up and group join, next to the figure with them.
 */
export const REGISTRATION_SPAN = `
SELECT count(*)::int AS n, extract(epoch FROM max(updated_at) - min(updated_at))::float8 AS seconds
FROM registry_voucher WHERE updated_at >= $1::timestamptz`;
