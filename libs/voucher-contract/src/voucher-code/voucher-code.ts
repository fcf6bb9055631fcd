import { createHash } from 'node:crypto';

/**
 * Voucher codes are bearer values: whoever knows one can spend it. Stores keep the hash,
 * logs and operators see the masked form.
 */
export function hashVoucherCode(code: string): string {
  return createHash('sha256').update(code, 'utf8').digest('hex');
}

export function maskVoucherCode(code: string): string {
  return `****${code.slice(-4)}`;
}
