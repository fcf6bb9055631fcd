import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { voucherCancelled } from '../voucher-cancelled';
import { voucherPurchased } from '../voucher-purchased';
import { voucherRedeemed } from '../voucher-redeemed';
import { voucherEventJsonSchemas } from './voucher-event-json-schemas';

// The published schemas, for consumers outside this codebase. `npm run contract:schemas` rewrites them.
const SCHEMA_DIR = join(__dirname, '../../schemas');
const generated = voucherEventJsonSchemas();

const source = { eventId: '3f0c8f5e-8a9b-4c8e-9d3e-2a1b4c5d6e7f', occurredAt: '2026-11-21T10:15:00.000Z', voucherCode: 'GIFT-2026-ABCD', storeId: 'store-042', cashboxId: 'box-7' };
const examples = {
  'voucher.purchased.v1.schema.json': voucherPurchased({ ...source, payload: { amount: { value: 5000, currency: 'EUR' }, receiptNumber: 'R-1', purchasedAt: '2026-11-21T11:15:00+01:00' } }),
  'voucher.redeemed.v1.schema.json': voucherRedeemed({ ...source, payload: { amount: { value: 1500, currency: 'EUR' }, receiptNumber: 'R-2', redeemedAt: '2026-11-22T10:00:00+01:00' } }),
  'voucher.cancelled.v1.schema.json': voucherCancelled({ ...source, payload: { receiptNumber: 'R-3', cancelledAt: '2026-11-23T10:00:00+01:00', reason: 'sold by mistake' } }),
};

describe('the published JSON Schemas', () => {
  if (process.env.UPDATE_CONTRACT_SCHEMAS === '1') {
    mkdirSync(SCHEMA_DIR, { recursive: true });
    for (const [file, schema] of Object.entries(generated)) writeFileSync(join(SCHEMA_DIR, file), `${JSON.stringify(schema, null, 2)}\n`);
  }

  it('are what the contract classes generate today (run `npm run contract:schemas` after changing a rule)', () => {
    const committed = Object.fromEntries(readdirSync(SCHEMA_DIR).map((file) => [file, JSON.parse(readFileSync(join(SCHEMA_DIR, file), 'utf8'))]));
    expect(committed).toEqual(generated);
    expect(Object.keys(committed).sort()).toEqual(Object.keys(examples).sort());
  });

  it.each(Object.entries(examples))('%s accepts a valid event and refuses what parseVoucherEvent refuses', (file, event) => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(generated[file]);
    expect(validate(event)).toBe(true);
    expect(validate({ ...event, unknown: 1 })).toBe(false);
    expect(validate({ ...event, eventType: 'voucher.other' })).toBe(false);
    expect(validate({ ...event, occurredAt: '2026-11-21 10:15' })).toBe(false);
    expect(validate({ ...event, payload: { ...event.payload, receiptNumber: '' } })).toBe(false);
  });
});
