/**
 * Secrets that must never reach a log line, wherever a serializer or a careless `log(obj)` puts
 * them: the cashbox's bearer key and other credentials, and the plain voucher code (a bearer value
 * too — log `voucherCodeMasked` instead). Bodies are not logged at all.
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'headers.authorization',
  'headers.cookie',
  'authorization',
  'apiKey',
  'secret',
  'voucherCode',
  '*.voucherCode',
  'body',
  'req.body',
];
