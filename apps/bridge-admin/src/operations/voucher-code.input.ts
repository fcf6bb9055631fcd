import { createInterface } from 'node:readline/promises';

/**
 * Reads the voucher code to trace from standard input (one line; prompted on a terminal), not
 * from the command line: a code is a bearer value, and arguments end up in shell history and in
 * every `ps` listing. Scripts pipe it in: `printf '%s\n' "$CODE" | admin trace`.
 */
export async function readVoucherCode(): Promise<string> {
  const lines = createInterface({ input: process.stdin, output: process.stdin.isTTY ? process.stderr : undefined, terminal: process.stdin.isTTY });
  try {
    if (process.stdin.isTTY) process.stderr.write('voucher code: ');
    for await (const line of lines) return line.trim();
    return '';
  } finally {
    lines.close();
  }
}
