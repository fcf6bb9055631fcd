import { FieldError } from './field-errors';

/** Names every object inherits: `constructor`, `toString`, `hasOwnProperty`, `valueOf`, … */
const INHERITED_NAMES = new Set(Object.getOwnPropertyNames(Object.prototype));

/**
 * Body fields named like what every object inherits, by their dotted paths. class-transformer
 * skips such keys when it builds the body class (the instance already "has" them), so
 * class-validator's whitelist never sees them: `{"constructor": null}` beside a valid purchase
 * was accepted and silently dropped, while any other unknown field gets a 400. (`__proto__` never
 * gets this far: the JSON parser refuses it.) Bodies nest at most 32 levels (use-json-bodies).
 */
export function inheritedNameFields(value: unknown, prefix = ''): FieldError[] {
  if (typeof value !== 'object' || value === null) return [];
  const entries = Array.isArray(value) ? value.map((item, i) => [String(i), item] as const) : Object.entries(value);
  return entries.flatMap(([key, item]) => {
    const field = prefix ? `${prefix}.${key}` : key;
    if (!Array.isArray(value) && INHERITED_NAMES.has(key)) return [{ field, messages: [`property ${key} should not exist`] }];
    return inheritedNameFields(item, field);
  });
}
