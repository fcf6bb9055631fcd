import { SeededRandom } from './seeded-random';

// Values that have broken parsers, validators and databases before: edges of number and string
// ranges, look-alikes of valid values, control characters, prototype keys.
const NUMBERS = [0, -0, 1, -1, 1.5, 0.1, 5000, 2 ** 31, 2 ** 53 - 1, 2 ** 53, 2 ** 63, 1e21, 1e308, -1e308, 5e-324];
const RAW_NUMBERS = ['1e400', '-1e400', '9223372036854775808', '00', '1.', '.5', '+1', '0x10', 'NaN', 'Infinity'];
const STRINGS = [
  '', ' ', 'EUR', 'eur', 'XXX', 'EURO', 'GIFT-2026-ABCD', 'gift-2026-abcd', 'null', 'true', '0', '-1', '[]', '{}',
  '\u0000', 'a\u0000b', '\ud800', '\udfff', '\u202e', '\ufeff', '💳💳💳💳💳💳💳💳', 'ä'.repeat(20), "'; DROP TABLE x; --",
  '$1', '%s%n', '../../etc/passwd', '__proto__', 'constructor', 'toString', 'x'.repeat(65), 'A'.repeat(64),
  'A'.repeat(1000), '2026-11-21T11:15:00+01:00',
];
const KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'value', 'amount', '', ' ', '0', 'a.b', '$where'];

/** A date-time string near the valid shape, with components in and out of their ranges. */
export function dateTimeString(random: SeededRandom): string {
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  const year = random.pick([0, 1, 1899, 1969, 1970, 1999, 2000, 2026, 9999, random.int(0, 9999)]);
  const month = random.pick([0, 1, 2, 4, 12, 13, random.int(0, 99)]);
  const day = random.pick([0, 1, 28, 29, 30, 31, 32, random.int(0, 99)]);
  const hour = random.pick([0, 23, 24, 25, random.int(0, 99)]);
  const minute = random.pick([0, 59, 60, random.int(0, 99)]);
  const second = random.pick(['', ':00', ':59', ':60', `:${pad(random.int(0, 99))}`, ':00.123456789', ':00.1234567891']);
  const offset = random.pick(['Z', 'z', '+00:00', '-00:00', '+01:00', '+14:00', '-12:00', '+15:59', '+16:00', '-23:59',
    '+24:00', `+${pad(random.int(0, 99))}:${pad(random.int(0, 99))}`, '', '+0100']);
  const text = `${pad(year, 4)}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}${second}${offset}`;
  return random.chance(0.05) ? `+0${text}` : text;
}

/** Any JSON value, as source text (so that it can hold numbers JSON.stringify would not write). */
export function jsonValue(random: SeededRandom, depth = 0): string {
  const kind = random.int(0, depth > 3 ? 5 : 8);
  switch (kind) {
    case 0: return 'null';
    case 1: return random.pick(['true', 'false']);
    case 2: return JSON.stringify(random.pick(NUMBERS));
    case 3: return random.pick(RAW_NUMBERS);
    case 4: return JSON.stringify(random.pick(STRINGS));
    case 5: return JSON.stringify(dateTimeString(random));
    case 6: return `[${Array.from({ length: random.int(0, 3) }, () => jsonValue(random, depth + 1)).join(',')}]`;
    case 7: return `{${Array.from({ length: random.int(0, 3) }, () => `${JSON.stringify(random.pick(KEYS))}:${jsonValue(random, depth + 1)}`).join(',')}}`;
    default: return nested(random.pick(['[', '{"a":']), random.int(2, 64), '1');
  }
}

/** `levels` of nesting around `inner`: `[[[1]]]` or `{"a":{"a":1}}`. */
export function nested(opener: '[' | '{"a":', levels: number, inner: string): string {
  const closer = opener === '[' ? ']' : '}';
  return opener.repeat(levels) + inner + closer.repeat(levels);
}
