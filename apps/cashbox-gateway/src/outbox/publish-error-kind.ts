/**
 * The `kind` label of `outbox_publish_errors_total`: librdkafka's error code, or the error's class.
 * Short and bounded, so a metric label cannot grow without end.
 */
export function publishErrorKind(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && /^[\w.-]{1,40}$/.test(code)) return code;
  if (typeof code === 'number') return `kafka-${code}`;
  return error instanceof Error ? error.name : 'unknown';
}
