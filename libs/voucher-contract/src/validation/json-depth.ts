const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPENERS = new Set([0x5b, 0x7b]); // [ {
const CLOSERS = new Set([0x5d, 0x7d]); // ] }

/**
 * Whether JSON text nests arrays and objects deeper than `maxDepth`, found by one flat scan (in
 * UTF-8 bytes no multi-byte character hides these ASCII codes). Run it before anything recursive:
 * class-transformer and class-validator walk a value with the call stack, and from about 1,500
 * levels of `[` they overflow it. Malformed text is left for the JSON parser to reject.
 */
export function exceedsJsonDepth(json: string | Uint8Array, maxDepth: number): boolean {
  const codeAt = typeof json === 'string' ? (i: number) => json.charCodeAt(i) : (i: number) => json[i];
  let depth = 0;
  let inString = false;
  for (let i = 0; i < json.length; i++) {
    const code = codeAt(i);
    if (inString) {
      if (code === BACKSLASH) i++;
      else if (code === QUOTE) inString = false;
    } else if (code === QUOTE) {
      inString = true;
    } else if (OPENERS.has(code)) {
      if (++depth > maxDepth) return true;
    } else if (CLOSERS.has(code)) {
      depth--;
    }
  }
  return false;
}
