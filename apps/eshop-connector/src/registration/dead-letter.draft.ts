import { hashVoucherCode, maskVoucherCode } from '@voucher-bridge/voucher-contract';

/**
 * `invalid-record`: no event could be read from it (malformed JSON, invalid event, key mismatch);
 * `rule-violation`: a valid event the voucher's state refuses (also in registry_parked_event);
 * `processing-error`: handling it kept failing past CONSUMER_POISON_BOUND_MS (a bug, not an outage).
 */
export type DeadLetterReasonClass = 'invalid-record' | 'rule-violation' | 'processing-error';

/** A record about to be parked: where it came from and why. */
export interface DeadLetterDraft {
  topic: string;
  partition: number;
  offset: string;
  /** The record key: the plain voucher code when it was one, so it is stored only hashed and masked. */
  key: string | null;
  reasonClass: DeadLetterReasonClass;
  /** What exactly: the parse failure (`malformed-json`, …), the rule (`INSUFFICIENT_FUNDS`, …) or the error. */
  reason: string;
  detail: string;
  eventId: string | null;
  eventType: string | null;
}

/** A draft as written to registry_dead_letter: its row id and how often it was tried. */
export interface ParkedDeadLetter extends DeadLetterDraft {
  id: string;
  attempts: number;
}

/** The key as it may be stored: its SHA-256 and masked form, never the key itself. */
export function keyFingerprint(key: string | null): { hash: string | null; masked: string | null } {
  return key ? { hash: hashVoucherCode(key), masked: storableText(maskVoucherCode(key)) } : { hash: null, masked: null };
}

/**
 * Text taken from a record (a parse error quotes the first bytes of the value, a masked key its
 * last characters) as PostgreSQL's text can hold it: NUL, which garbage bytes often contain and
 * which `text` refuses ("invalid byte sequence for encoding UTF8: 0x00"), becomes U+FFFD. Without
 * this, such a record failed its batch until the poison bound instead of being parked at once.
 */
export function storableText(text: string): string {
  return text.replaceAll('\u0000', '\uFFFD');
}

/** The error's class (`DatabaseError`, `TypeError`, …), the reason of a `processing-error`: pg's errors all say `error` in `name`. */
export function errorName(error: unknown): string {
  const name = (error as object | undefined)?.constructor?.name;
  return name && name !== 'Object' ? name : (error as Error | undefined)?.name || 'Error';
}
