import { DeadLetterCursor } from './dead-letter.repository';

/** Opaque to clients: the last item's parked time and id, base64url-encoded. */
export function encodeCursor({ parkedAt, id }: DeadLetterCursor): string {
  return Buffer.from(JSON.stringify([parkedAt.toISOString(), id])).toString('base64url');
}

/** Undefined for anything `encodeCursor` did not make. */
export function decodeCursor(text: string): DeadLetterCursor | undefined {
  try {
    const [parkedAt, id] = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as unknown[];
    if (typeof parkedAt !== 'string' || typeof id !== 'string' || Number.isNaN(Date.parse(parkedAt))) return undefined;
    return { parkedAt: new Date(parkedAt), id };
  } catch {
    return undefined;
  }
}
