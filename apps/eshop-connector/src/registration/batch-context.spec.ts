import { BatchContextRow, readBatchContext } from './batch-context';

const none = { status: null, balance_minor: null, currency: null, issued_at: null, expires_at: null, last_sequence: null, purchase_fingerprint: null };

describe('readBatchContext', () => {
  it('sorts the load\'s rows into the vouchers\' states, the events handled before and the subscribed types', () => {
    const issuedAt = new Date('2026-11-21T10:00:00Z');
    const rows: BatchContextRow[] = [
      { kind: 'voucher', key: 'hash-a', status: 'active', balance_minor: '9007199254740', currency: 'EUR', issued_at: issuedAt,
        expires_at: null, last_sequence: 3, purchase_fingerprint: '["store-1"]' },
      { kind: 'processed', key: '00000000-0000-4000-8000-000000000001', ...none },
      { kind: 'subscribed', key: 'voucher.redeemed', ...none },
      { kind: 'voucher', key: 'hash-b', status: 'redeemed', balance_minor: '0', currency: 'CHF', issued_at: issuedAt,
        expires_at: issuedAt, last_sequence: 2, purchase_fingerprint: null },
    ];
    const context = readBatchContext(rows);
    expect([...context.states]).toEqual([
      ['hash-a', { status: 'active', balance: 9007199254740, currency: 'EUR', issuedAt, expiresAt: null, sequence: 3, purchaseFingerprint: '["store-1"]' }],
      ['hash-b', { status: 'redeemed', balance: 0, currency: 'CHF', issuedAt, expiresAt: issuedAt, sequence: 2, purchaseFingerprint: null }],
    ]);
    expect([...context.processed]).toEqual(['00000000-0000-4000-8000-000000000001']);
    expect([...context.subscribed]).toEqual(['voucher.redeemed']);
  });

  it('reads nothing into nothing: new vouchers, no redelivery, no subscriber', () => {
    const context = readBatchContext([]);
    expect(context.states.size + context.processed.size + context.subscribed.size).toBe(0);
  });
});
