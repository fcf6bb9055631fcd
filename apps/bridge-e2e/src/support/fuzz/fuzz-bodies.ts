import { SeededRandom, dateTimeString, jsonValue, nested } from '@voucher-bridge/fuzzing';

/** One request body to throw at an endpoint; `name` reproduces it in a failure message. */
export interface FuzzCase {
  name: string;
  body: string;
  /** For the known cases: the answer they must get, and the field or problem type it names. */
  expected?: { status: number; field?: string; type?: string };
}

/** A JSON object as (key, value source) pairs, so duplicate keys and raw numbers can be written. */
type Fields = [string, string | Fields][];

const toSource = (fields: Fields): string =>
  `{${fields.map(([key, value]) => `${JSON.stringify(key)}:${typeof value === 'string' ? value : toSource(value)}`).join(',')}}`;

/**
 * Nesting that overflowed the stack in class-transformer (from about 1,500 levels of arrays and
 * 2,500 of objects), under the body limit, and the 10,000 levels the testers sent, over it.
 */
function depthBombs(fields: Fields, key: string): FuzzCase[] {
  const tooDeep = { status: 400, type: 'urn:voucher-bridge:problem:body-too-deep' };
  return [
    { name: '5,000 nested arrays', body: nested('[', 5_000, ''), expected: tooDeep },
    { name: '2,600 nested objects', body: nested('{"a":', 2_600, '1'), expected: tooDeep },
    { name: `${key} holding 2,600 nested objects`, body: toSource(replace(fields, key, nested('{"a":', 2_600, '1'))), expected: tooDeep },
    { name: `${key} holding 5,000 nested arrays`, body: toSource(replace(fields, key, nested('[', 5_000, '""'))), expected: tooDeep },
    { name: '10,000 nested arrays', body: nested('[', 10_000, ''), expected: { status: 413 } },
    { name: '10,000 nested objects', body: nested('{"a":', 10_000, '1'), expected: { status: 413 } },
  ];
}

/** The known killers, then `count` seeded mutations of a valid purchase. */
export function purchaseFuzzCases(seed: number, count: number): FuzzCase[] {
  const random = new SeededRandom(seed);
  const valid = (i: number): Fields => [
    ['voucherCode', JSON.stringify(`FUZZ-${seed.toString(16).toUpperCase()}-${i}`)],
    ['amount', [['value', '5000'], ['currency', '"EUR"']]],
    ['storeId', '"store-042"'],
    ['cashboxId', '"box-7"'],
    ['receiptNumber', JSON.stringify(`R-${i}`)],
    ['purchasedAt', '"2026-11-21T11:15:00+01:00"'],
    ['expiresAt', '"2029-11-21T23:59:59+01:00"'],
  ];
  const known: FuzzCase[] = [
    { name: 'amount is an empty array', body: toSource(replace(valid(-1), 'amount', '[]')), expected: { status: 400, field: 'amount' } },
    { name: 'amount is an array of a valid amount', body: toSource(replace(valid(-2), 'amount', '[{"value":5000,"currency":"EUR"}]')), expected: { status: 400, field: 'amount' } },
    { name: 'amount is a string', body: toSource(replace(valid(-3), 'amount', '"5000 EUR"')), expected: { status: 400, field: 'amount' } },
    { name: 'purchasedAt in year 0000', body: toSource(replace(valid(-4), 'purchasedAt', '"0000-01-01T00:00:00Z"')), expected: { status: 400, field: 'purchasedAt' } },
    { name: 'purchasedAt on 30 February', body: toSource(replace(valid(-5), 'purchasedAt', '"2026-02-30T10:00:00Z"')), expected: { status: 400, field: 'purchasedAt' } },
    { name: 'purchasedAt with offset +23:00', body: toSource(replace(valid(-6), 'purchasedAt', '"2026-11-21T10:00:00+23:00"')), expected: { status: 400, field: 'purchasedAt' } },
    { name: 'expiresAt on 31 April', body: toSource(replace(valid(-7), 'expiresAt', '"2029-04-31T10:00:00Z"')), expected: { status: 400, field: 'expiresAt' } },
    ...depthBombs(valid(-8), 'amount'),
  ];
  const mutations = Array.from({ length: count }, (_, i) => mutate(random, valid(i), `purchase #${i}`, ['purchasedAt', 'expiresAt']));
  return [...known, ...mutations];
}

/** The known killers, then `count` seeded mutations of a valid lookup. */
export function lookupFuzzCases(seed: number, count: number): FuzzCase[] {
  const random = new SeededRandom(seed);
  const valid = (i: number): Fields => [['voucherCode', JSON.stringify(`FUZZ-LOOKUP-${i}`)]];
  const known = depthBombs(valid(-1), 'voucherCode');
  const mutations = Array.from({ length: count }, (_, i) => mutate(random, valid(i), `lookup #${i}`, []));
  return [...known, ...mutations];
}

function mutate(random: SeededRandom, fields: Fields, name: string, dateKeys: string[]): FuzzCase {
  const steps: string[] = [];
  for (let n = random.int(1, 3); n > 0; n--) {
    const target = random.chance(0.25) && hasObject(fields, 'amount') ? (fields.find(([k]) => k === 'amount')![1] as Fields) : fields;
    const index = random.int(0, target.length - 1);
    const key = target[index]?.[0] ?? 'x';
    switch (random.int(0, 4)) {
      case 0: target.splice(index, 1); steps.push(`drop ${key}`); break;
      case 1: target.push([random.pick(['unknown', '__proto__', 'constructor', key]), jsonValue(random)]); steps.push('add field'); break;
      default: {
        // Dates get near-miss date strings half the time: the shape alone is easy to get right.
        const date = dateKeys.includes(key) && random.chance(0.5);
        target[index] = [key, date ? JSON.stringify(dateTimeString(random)) : jsonValue(random)];
        steps.push(`${date ? 'date' : 'set'} ${key}`);
      }
    }
  }
  let body = toSource(fields);
  switch (random.int(0, 19)) {
    case 0: body = jsonValue(random); steps.push('whole body replaced'); break;
    case 1: body = body.slice(0, random.int(0, body.length - 1)); steps.push('truncated'); break;
    case 2: { const at = random.int(0, body.length); body = body.slice(0, at) + random.pick(['"', '\\', ',', '}', ']', '\u0000', '\ufeff', ' ', 'x']) + body.slice(at); steps.push('byte inserted'); break; }
    case 3: body = nested(random.pick(['[', '{"a":'] as const), random.pick([2, 31, 32, 33, 200, 5_000]), body); steps.push('wrapped deep'); break;
    case 4: body = toSource([...fields, ['padding', JSON.stringify('x'.repeat(random.pick([1_000, 16 * 1024, 70 * 1024])))]]); steps.push('padded'); break;
  }
  return { name: `${name}: ${steps.join(', ')}`, body };
}

function replace(fields: Fields, key: string, source: string): Fields {
  return fields.map(([k, v]) => [k, k === key ? source : v]);
}

function hasObject(fields: Fields, key: string): boolean {
  return fields.some(([k, v]) => k === key && typeof v !== 'string');
}
