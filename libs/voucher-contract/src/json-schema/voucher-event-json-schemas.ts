import { validationMetadatasToSchemas } from 'class-validator-jsonschema';
// The envelope classes register their rules when loaded; the schemas are read from those rules.
import '../envelope/voucher-event-envelope';
import { VOUCHER_EVENT_TYPES, type VoucherEventType } from '../envelope/voucher-event-type';
import { PAYLOAD_TYPES } from '../serialization/payload-types';

type Schema = Record<string, any>;

// class-transformer keeps its @Type metadata in a storage it exports only from this path, without
// typings; class-validator-jsonschema needs it to follow nested classes.
const { defaultMetadataStorage } = require('class-transformer/cjs/storage') as {
  defaultMetadataStorage: import('class-transformer/types/MetadataStorage').MetadataStorage;
};

/**
 * One JSON Schema (draft 2020-12) per event type and schema version, generated from the same
 * class-validator classes the apps validate with, for consumers outside this codebase. Nested
 * classes become `$defs`; unknown fields are refused everywhere, as `parseVoucherEvent` does.
 * Keyed by file name: `voucher.purchased.v1.schema.json`.
 */
export function voucherEventJsonSchemas(): Record<string, Schema> {
  const definitions = validationMetadatasToSchemas({
    refPointerPrefix: '#/$defs/',
    classTransformerMetadataStorage: defaultMetadataStorage,
  });
  const schemas: Record<string, Schema> = {};
  for (const [eventType, versions] of Object.entries(VOUCHER_EVENT_TYPES) as [VoucherEventType, readonly number[]][]) {
    const payloadName = PAYLOAD_TYPES[eventType].name;
    for (const version of versions) {
      const envelope = closed(definitions.VoucherEventEnvelope);
      const $defs = collectDefinitions(definitions, [payloadName, 'VoucherEventSource']);
      schemas[`${eventType}.v${version}.schema.json`] = {
        $schema: 'https://json-schema.org/draft/2020-12/schema',
        $id: `urn:voucher-bridge:schema:${eventType}:v${version}`,
        title: `${eventType} v${version}`,
        description: `Value of a ${eventType} record on <env>.voucher (key: the voucher code; headers: CloudEvents ce_* attributes).`,
        ...envelope,
        properties: {
          ...envelope.properties,
          eventType: { const: eventType },
          schemaVersion: { const: version },
          payload: { $ref: `#/$defs/${payloadName}` },
        },
        $defs,
      };
    }
  }
  return schemas;
}

/** The named definitions and everything they refer to, each closed to unknown fields. */
function collectDefinitions(all: Record<string, Schema>, names: string[]): Record<string, Schema> {
  const found: Record<string, Schema> = {};
  const visit = (name: string) => {
    if (found[name] || !all[name]) return;
    found[name] = closed(all[name]);
    for (const ref of JSON.stringify(all[name]).matchAll(/"#\/\$defs\/([^"]+)"/g)) visit(ref[1]);
  };
  names.forEach(visit);
  return Object.fromEntries(Object.entries(found).sort(([a], [b]) => a.localeCompare(b)));
}

function closed(schema: Schema): Schema {
  return { ...schema, additionalProperties: false };
}
