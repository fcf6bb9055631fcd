import { VOUCHER_EVENT_TYPES, VoucherEventEnvelope } from '../envelope';
import { exceedsJsonDepth, validatePlain } from '../validation';
import { InvalidVoucherEventError } from './invalid-voucher-event.error';
import { PAYLOAD_TYPES } from './payload-types';
import { VoucherEvent } from './voucher-event';
import { passesFastPath } from './fast-path';

/** Events nest three levels; deeper ones would overflow the validators' recursion. */
const MAX_EVENT_DEPTH = 32;

/** Parses and fully validates one event; throws `InvalidVoucherEventError` when it cannot be used. */
export function parseVoucherEvent(raw: Buffer | string | null | undefined): VoucherEvent {
  const text = raw === null || raw === undefined ? '' : raw.toString();
  let plain: unknown;
  try {
    // V8's JSON.parse does not recurse on the call stack: a million levels of `[` parse fine.
    plain = JSON.parse(text);
  } catch (error) {
    throw new InvalidVoucherEventError('malformed-json', [
      { field: '$', messages: [(error as Error).message] },
    ]);
  }
  // Most events are plainly valid: recognised cheaply (it looks at fixed fields only, never
  // recursively, and passes nothing nested deeper than three levels); anything else is judged in full.
  if (passesFastPath(plain)) return plain as VoucherEvent;
  // The full validation walks the value with the call stack: a RangeError from a stack overflow
  // would be retried forever, holding up the partition. Scanned only here, off the everyday path
  // (the scan took about 5 % of the connector's busy main thread while draining a backlog).
  if (exceedsJsonDepth(text, MAX_EVENT_DEPTH)) {
    throw new InvalidVoucherEventError('invalid-event', [
      { field: '$', messages: [`arrays and objects nest deeper than ${MAX_EVENT_DEPTH} levels`] },
    ]);
  }
  return validateVoucherEvent(plain);
}

export function validateVoucherEvent(plain: unknown): VoucherEvent {
  const envelope = validatePlain(VoucherEventEnvelope, plain);
  const violations = [...envelope.violations];
  const { eventType, schemaVersion } = (plain ?? {}) as Partial<VoucherEventEnvelope>;
  const supported: readonly number[] | undefined =
    typeof eventType === 'string' && Object.hasOwn(VOUCHER_EVENT_TYPES, eventType) ? VOUCHER_EVENT_TYPES[eventType] : undefined;

  if (supported && typeof schemaVersion === 'number' && !supported.includes(schemaVersion)) {
    throw new InvalidVoucherEventError('unsupported-schema-version', [
      { field: 'schemaVersion', messages: [`${eventType} supports versions ${supported.join(', ')}`] },
    ]);
  }
  // Report payload problems together with envelope problems: one dead letter names them all.
  if (supported && eventType) {
    const payload = (plain as { payload?: unknown }).payload;
    if (typeof payload === 'object' && payload !== null) {
      violations.push(...validatePlain(PAYLOAD_TYPES[eventType], payload, 'payload').violations);
    }
  }
  if (violations.length > 0) throw new InvalidVoucherEventError('invalid-event', violations);
  return plain as VoucherEvent;
}
