import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export async function command(file: string, args: string[], env: Record<string, string> = {}, timeoutMs = 300_000): Promise<string> {
  const { stdout } = await run(file, args, { env: { ...process.env, ...env }, maxBuffer: 1024 * 1024 * 1024, timeout: timeoutMs });
  return stdout;
}
