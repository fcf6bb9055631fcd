/** Values a validator has to tell apart from the valid ones: wrong types, edges, look-alikes. */
export const ODD_FIELD_VALUES: readonly unknown[] = [
  undefined, null, '', ' ', 'x'.repeat(65), 'x'.repeat(201), 'a b', 'tab\there', 'line\nbreak', -1, 0, 1.5, 2 ** 53, '5000',
  true, [], {}, ['R-1'], 'eur', 'XXX', 'EURO', '2026-02-30T10:00:00Z', '2026-11-21T10:00:00+15:00', '2026-11-21T10:00:00',
  '1999-12-31T23:59:59Z', '2026-11-21T10:15:00.123456789-12:00', '2099-01-01T00:00:00Z', 'GIFT-lower', 'GIFT-2026-ABCD',
  'R-1', 'EUR', 1, '2026-11-21T11:15:00+01:00', { value: 1, currency: 'EUR' },
];

/**
 * Every variant of `value` with one property, at any depth, replaced by each of `odd`, removed,
 * or one added (also through `__proto__`): for checking that a fast path never accepts what the
 * full validation refuses.
 */
export function* oneFieldVariants(value: Record<string, unknown>, odd: readonly unknown[] = ODD_FIELD_VALUES): Generator<Record<string, unknown>> {
  yield { ...value, unexpected: 1 };
  yield { ...value, __proto__: { polluted: true } } as Record<string, unknown>;
  yield JSON.parse(`{"__proto__":{"polluted":true},${JSON.stringify(value).slice(1)}`) as Record<string, unknown>;
  for (const key of Object.keys(value)) {
    for (const replacement of odd) yield { ...value, [key]: replacement };
    const { [key]: _, ...without } = value;
    yield without;
    const inner = value[key];
    if (typeof inner === 'object' && inner !== null && !Array.isArray(inner)) {
      for (const variant of oneFieldVariants(inner as Record<string, unknown>, odd)) yield { ...value, [key]: variant };
    }
  }
}
