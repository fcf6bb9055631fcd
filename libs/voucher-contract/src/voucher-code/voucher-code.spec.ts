import { hashVoucherCode, maskVoucherCode } from './voucher-code';

describe('voucher code secrecy', () => {
  it('masks all but the last four characters', () => {
    expect(maskVoucherCode('GIFT-2026-ABCD')).toBe('****ABCD');
  });

  it('hashes deterministically without revealing the code', () => {
    const hash = hashVoucherCode('GIFT-2026-ABCD');
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).toBe(hashVoucherCode('GIFT-2026-ABCD'));
    expect(hash).not.toBe(hashVoucherCode('GIFT-2026-ABCE'));
  });
});
