import { oneFieldVariants } from '@voucher-bridge/fuzzing';
import { problemValidationPipe } from '@voucher-bridge/http';
import { Money } from '@voucher-bridge/voucher-contract';
import { VoucherCancellationRequestDto } from '../cancellations/voucher-cancellation.request.dto';
import { VoucherPurchaseRequestDto } from '../purchases/voucher-purchase.request.dto';
import { VoucherRedemptionRequestDto } from '../redemptions/voucher-redemption.request.dto';

const cashbox = { voucherCode: 'GIFT-2026-ABCD', storeId: 'store-042', cashboxId: 'box-7', receiptNumber: 'R-000123' };
const bodies = [
  { type: VoucherPurchaseRequestDto, body: { ...cashbox, amount: { value: 5000, currency: 'EUR' }, purchasedAt: '2026-11-21T11:15:00+01:00', expiresAt: '2029-11-21T23:59:59+01:00' } },
  { type: VoucherPurchaseRequestDto, body: { ...cashbox, amount: { value: 1, currency: 'CHF' }, purchasedAt: '2026-11-21T10:15:00Z' } },
  { type: VoucherRedemptionRequestDto, body: { ...cashbox, amount: { value: 1500, currency: 'EUR' }, redeemedAt: '2026-11-22T10:00:00+01:00' } },
  { type: VoucherCancellationRequestDto, body: { ...cashbox, cancelledAt: '2026-11-23T10:00:00+01:00', reason: 'sold by mistake' } },
];

const fullValidation = problemValidationPipe({ recognisers: false });
const withRecognisers = problemValidationPipe();

async function fully(type: (typeof bodies)[number]['type'], plain: unknown): Promise<{ valid: true; result: unknown } | { valid: false }> {
  try {
    return { valid: true, result: await fullValidation.transform(plain, { type: 'body', metatype: type }) };
  } catch {
    return { valid: false };
  }
}

/** The body classes' `recognise` (RecognisableBody): the everyday request without class-validator's metadata walk. */
describe('recognised cashbox requests', () => {
  it.each(bodies.map(({ type, body }) => [type.name, type, body] as const))('%s recognises a plainly valid body as the full validation reads it', async (_, type, body) => {
    const recognised = type.recognise(JSON.parse(JSON.stringify(body)));
    expect(recognised).toBeInstanceOf(type);
    if ('amount' in body) expect((recognised as { amount: unknown }).amount).toBeInstanceOf(Money);
    const full = await fully(type, JSON.parse(JSON.stringify(body)));
    expect(full).toEqual({ valid: true, result: recognised });
    // The app's pipe answers with the recognised body.
    expect(await withRecognisers.transform(JSON.parse(JSON.stringify(body)), { type: 'body', metatype: type })).toEqual(recognised);
  });

  it('never recognises what the full validation refuses, and what it recognises comes out the same (thousands of one-field variants)', async () => {
    const wrong: string[] = [];
    let checked = 0;
    let recognisedCount = 0;
    for (const { type, body } of bodies) {
      for (const variant of oneFieldVariants(JSON.parse(JSON.stringify(body)))) {
        checked++;
        const recognised = type.recognise(variant);
        if (recognised === undefined) continue;
        recognisedCount++;
        const full = await fully(type, variant);
        if (!full.valid || JSON.stringify(full.result) !== JSON.stringify(recognised) || !(full.result instanceof type)) {
          wrong.push(`${type.name} ${JSON.stringify(variant)}`);
        }
      }
    }
    expect(checked).toBeGreaterThan(1000);
    expect(recognisedCount).toBeGreaterThan(0); // e.g. other valid voucher codes and amounts
    expect(wrong).toEqual([]);
  });

  it('leaves doubtful bodies to the full validation: an optional field set to null, an expiry before the purchase', () => {
    const [{ body }] = bodies;
    expect(VoucherPurchaseRequestDto.recognise({ ...body, expiresAt: null })).toBeUndefined();
    expect(VoucherPurchaseRequestDto.recognise({ ...body, expiresAt: '2026-11-21T11:15:00+01:00' })).toBeUndefined();
    expect(VoucherPurchaseRequestDto.recognise(JSON.parse(`{"__proto__":{"x":1},${JSON.stringify(body).slice(1)}`))).toBeUndefined();
  });
});
