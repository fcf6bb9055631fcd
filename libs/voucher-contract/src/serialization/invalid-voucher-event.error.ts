import { Violation } from '../validation';

export type InvalidVoucherEventReason = 'malformed-json' | 'invalid-event' | 'unsupported-schema-version';

/** Thrown by `parseVoucherEvent` for input that no retry can make valid. */
export class InvalidVoucherEventError extends Error {
  override readonly name = 'InvalidVoucherEventError';

  constructor(
    readonly reason: InvalidVoucherEventReason,
    readonly violations: Violation[],
  ) {
    super(`${reason}: ${violations.map((v) => `${v.field} (${v.messages.join('; ')})`).join(', ')}`);
  }
}
