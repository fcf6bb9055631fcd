import { randomBytes } from 'node:crypto';
import { Bridge } from './bridge';
import { eventually } from './eventually';
import { bearer, postJson } from './http';

export function newVoucherCode(): string {
  return `GIFT-${randomBytes(6).toString('hex').toUpperCase()}`;
}

export function purchaseBody(overrides: Record<string, unknown> = {}) {
  return {
    voucherCode: newVoucherCode(),
    amount: { value: 5000, currency: 'EUR' },
    storeId: 'store-042',
    cashboxId: 'box-7',
    receiptNumber: `R-${randomBytes(4).toString('hex')}`,
    purchasedAt: '2026-11-21T11:15:00+01:00',
    expiresAt: '2029-11-21T23:59:59+01:00',
    ...overrides,
  };
}

/** Posts as the bridge's cashbox (store-042 / box-7, the store and cashbox of `purchaseBody`). */
export function postPurchase(bridge: Bridge, body: unknown, secret = bridge.cashboxKey.secret) {
  return postJson(`${bridge.gateway.baseUrl}/v1/voucher-purchases`, body, bearer(secret));
}

/** Looks up as the web shop, with the bridge's shop key. */
export function lookUp(bridge: Bridge, voucherCode: string, secret = bridge.shopKey.secret) {
  return postJson(`${bridge.connector.baseUrl}/v1/voucher-lookups`, { voucherCode }, bearer(secret));
}

/** Waits until the web shop's lookup finds the voucher, and returns its answer. */
export function eventuallyRegistered(bridge: Bridge, voucherCode: string, attempts?: number) {
  return eventually(`voucher to be registered`, async () => {
    const answer = await lookUp(bridge, voucherCode);
    if (answer.status !== 200) throw new Error(`lookup answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    return answer.body;
  }, attempts);
}
