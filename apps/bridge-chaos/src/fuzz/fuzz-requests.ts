import { randomUUID } from 'node:crypto';
import { SeededRandom, dateTimeString, jsonValue, nested } from '@voucher-bridge/fuzzing';

export interface FuzzRequest {
  app: 'gateway' | 'connector';
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
  name: string;
}

type Key = 'cashbox' | 'shop' | 'operator' | 'none';

interface Endpoint {
  app: FuzzRequest['app'];
  method: string;
  path: (random: SeededRandom) => string;
  key: Key;
  valid?: (i: number) => Record<string, unknown>;
}

const ID_LIKE = ['', 'x', '0', '-1', 'rec_1', 'rec_0', 'rec_99999999999999999999', 'dlv_x_y', '%00', '..%2F..%2Fetc', 'a'.repeat(300), '00000000-0000-0000-0000-000000000000'];
const pathId = (random: SeededRandom) => (random.chance(0.3) ? randomUUID() : encodeURIComponent(random.pick(ID_LIKE)));

/** Every endpoint of both apps, each with a valid body the mutations start from. */
export function fuzzEndpoints(store: string, cashbox: string): Endpoint[] {
  const at = '2026-11-21T11:15:00+01:00';
  return [
    { app: 'gateway', method: 'POST', path: () => '/v1/voucher-purchases', key: 'cashbox', valid: (i) => ({ voucherCode: `FUZZ-P-${i}`, amount: { value: 5000, currency: 'EUR' }, storeId: store, cashboxId: cashbox, receiptNumber: `R-${i}`, purchasedAt: at, expiresAt: '2029-11-21T23:59:59+01:00' }) },
    { app: 'gateway', method: 'POST', path: () => '/v1/voucher-redemptions', key: 'cashbox', valid: (i) => ({ voucherCode: `FUZZ-P-${i}`, amount: { value: 100, currency: 'EUR' }, storeId: store, cashboxId: cashbox, receiptNumber: `RR-${i}`, redeemedAt: at }) },
    { app: 'gateway', method: 'POST', path: () => '/v1/voucher-cancellations', key: 'cashbox', valid: (i) => ({ voucherCode: `FUZZ-P-${i}`, storeId: store, cashboxId: cashbox, receiptNumber: `RC-${i}`, cancelledAt: at, reason: 'fuzz' }) },
    { app: 'gateway', method: 'GET', path: (r) => `/v1/voucher-events/${pathId(r)}`, key: 'cashbox' },
    { app: 'connector', method: 'POST', path: () => '/v1/voucher-lookups', key: 'shop', valid: (i) => ({ voucherCode: `FUZZ-P-${i}` }) },
    { app: 'connector', method: 'POST', path: () => '/v1/subscriptions', key: 'shop', valid: () => ({ url: 'https://shop.example.com/voucher-events', eventTypes: ['voucher.purchased'] }) },
    { app: 'connector', method: 'GET', path: () => '/v1/subscriptions', key: 'shop' },
    { app: 'connector', method: 'GET', path: (r) => `/v1/subscriptions/${pathId(r)}`, key: 'shop' },
    { app: 'connector', method: 'DELETE', path: (r) => `/v1/subscriptions/${pathId(r)}`, key: 'shop' },
    { app: 'connector', method: 'POST', path: (r) => `/v1/subscriptions/${pathId(r)}/secret-rotations`, key: 'shop' },
    { app: 'connector', method: 'GET', path: (r) => `/v1/dead-letters?${r.pick(['', 'kind=record', 'kind=x', 'limit=0', 'limit=501', 'limit=abc', 'after=zz', 'status=replayed', 'reason=%00', 'kind=delivery&limit=1'])}`, key: 'operator' },
    { app: 'connector', method: 'GET', path: (r) => `/v1/dead-letters/${pathId(r)}`, key: 'operator' },
    { app: 'connector', method: 'POST', path: () => '/v1/dead-letters/replays', key: 'operator', valid: () => ({ ids: ['rec_1'], dryRun: true }) },
    { app: 'connector', method: 'POST', path: () => '/v1/dead-letters/discards', key: 'operator', valid: () => ({ ids: ['rec_999999'], reason: 'fuzz', dryRun: true }) },
    { app: 'connector', method: 'GET', path: (r) => `/v1/operator-audit?${r.pick(['', 'limit=1', 'limit=-1', 'after=0', 'after=x'])}`, key: 'operator' },
    { app: 'gateway', method: 'GET', path: (r) => r.pick(['/health/live', '/health/ready', '/metrics', '/api-docs', '/nope', '/v1/voucher-purchases']), key: 'none' },
    { app: 'connector', method: 'GET', path: (r) => r.pick(['/health/live', '/health/ready', '/metrics', '/nope', '/v1/voucher-lookups']), key: 'none' },
  ];
}

/** `count` requests over every endpoint: mutated bodies, odd path ids, wrong or missing keys and headers. */
export function fuzzRequests(count: number, random: SeededRandom, endpoints: Endpoint[], keys: Record<Exclude<Key, 'none'>, string>): FuzzRequest[] {
  const requests: FuzzRequest[] = [];
  for (let i = 0; i < count; i++) {
    const endpoint = endpoints[i % endpoints.length];
    const steps: string[] = [];
    const headers: Record<string, string> = {};
    let key = endpoint.key;
    if (random.chance(0.1)) {
      key = random.pick(['cashbox', 'shop', 'operator', 'none'] as const);
      steps.push(`key ${key}`);
    }
    if (key !== 'none') headers.authorization = `Bearer ${keys[key]}`;
    if (random.chance(0.03)) {
      headers.authorization = random.pick(['Bearer', 'Bearer ', 'Basic abc', `Bearer ${'x'.repeat(5000)}`, 'Bearer vbk_cashbox_\u00ff']);
      steps.push('bad authorization');
    }
    let body: string | undefined;
    if (endpoint.valid) {
      headers['content-type'] = random.chance(0.05) ? random.pick(['text/plain', 'application/xml', 'application/json; charset=latin1', '']) : 'application/json';
      body = mutate(random, endpoint.valid(i), steps);
      if (endpoint.path(random).includes('voucher-') && random.chance(0.2)) {
        headers['idempotency-key'] = random.pick(['k', `fuzz-${i}`, '', ' ', 'x'.repeat(256), 'ä', `fuzz-${i % 7}`]);
        steps.push('idempotency-key');
      }
    } else if (endpoint.method !== 'GET' && random.chance(0.05)) {
      body = jsonValue(random);
      headers['content-type'] = 'application/json';
      steps.push('body on a bodiless route');
    }
    const path = endpoint.path(random);
    requests.push({ app: endpoint.app, method: endpoint.method, path, headers, body, name: `#${i} ${endpoint.method} ${path.slice(0, 80)} ${steps.join(', ')}` });
  }
  return requests;
}

function mutate(random: SeededRandom, valid: Record<string, unknown>, steps: string[]): string {
  const fields: [string, string][] = Object.entries(valid).map(([k, v]) => [k, JSON.stringify(v)]);
  if (random.chance(0.15)) return JSON.stringify(valid);
  for (let n = random.int(1, 3); n > 0; n--) {
    const index = random.int(0, fields.length - 1);
    const key = fields[index]?.[0] ?? 'x';
    switch (random.int(0, 4)) {
      case 0: fields.splice(index, 1); steps.push(`drop ${key}`); break;
      case 1: fields.push([random.pick(['unknown', '__proto__', 'constructor', key]), jsonValue(random)]); steps.push('add field'); break;
      default: {
        const date = key.endsWith('At') && random.chance(0.5);
        fields[index] = [key, date ? JSON.stringify(dateTimeString(random)) : jsonValue(random)];
        steps.push(`${date ? 'date' : 'set'} ${key}`);
      }
    }
  }
  let body = `{${fields.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`;
  switch (random.int(0, 14)) {
    case 0: body = jsonValue(random); steps.push('whole body replaced'); break;
    case 1: body = body.slice(0, random.int(0, body.length - 1)); steps.push('truncated'); break;
    case 2: { const at = random.int(0, body.length); body = body.slice(0, at) + random.pick(['"', '\\', ',', '}', ']', '\u0000', '\ufeff', 'x']) + body.slice(at); steps.push('byte inserted'); break; }
    case 3: body = nested(random.pick(['[', '{"a":'] as const), random.pick([31, 32, 33, 2_600, 5_000]), body); steps.push('wrapped deep'); break;
    case 4: body = body.replace(/}$/, `,"padding":${JSON.stringify('x'.repeat(random.pick([1_000, 16 * 1024, 70 * 1024])))}}`); steps.push('padded'); break;
  }
  return body;
}
