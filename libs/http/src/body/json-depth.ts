const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPENERS = new Set([0x5b, 0x7b]); // [ {
const CLOSERS = new Set([0x5d, 0x7d]); // ] }

/**
 * Whether JSON text nests arrays and objects deeper than `maxDepth`, found by one flat scan of
 * the bytes (UTF-8 never hides these ASCII bytes inside a multi-byte character). It runs before
 * anything recursive — class-transformer and class-validator walk a body with the call stack, and
 * 10,000 levels of `[` overflow it. Malformed text is left for the JSON parser to reject.
 */
export function exceedsJsonDepth(json: Uint8Array, maxDepth: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < json.length; i++) {
    const byte = json[i];
    if (inString) {
      if (byte === BACKSLASH) i++;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) {
      inString = true;
    } else if (OPENERS.has(byte)) {
      if (++depth > maxDepth) return true;
    } else if (CLOSERS.has(byte)) {
      depth--;
    }
  }
  return false;
}
