import { Injectable } from '@nestjs/common';
import { ApiKey, ApiKeyKind, ApiKeyStore } from '@voucher-bridge/api-keys';
import { parseArgs } from 'node:util';
import { UsageError } from '../usage.error';
import { print } from '../output/print';

const KINDS: ApiKeyKind[] = ['cashbox', 'shop', 'operator'];

export const KEYS_USAGE = `keys create <cashbox|shop|operator> [--store <id> --cashbox <id>] [--label <text>] [--json]
      creates a key and prints its secret: the only time it is shown (a cashbox key needs --store and --cashbox)
  keys list [--kind <kind>] [--json]
  keys revoke <key id> [--json]`;

/** `admin keys …`: API keys of cashboxes, the web shop and operators. */
@Injectable()
export class KeysCommand {
  constructor(private readonly store: ApiKeyStore) {}

  async run(args: string[]): Promise<void> {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        store: { type: 'string' }, cashbox: { type: 'string' }, label: { type: 'string' },
        kind: { type: 'string' }, json: { type: 'boolean', default: false },
      },
    });
    const [action, argument] = positionals;
    const json = values.json ?? false;
    switch (action) {
      case 'create': {
        const kind = asKind(argument);
        if (kind === 'cashbox' && !(values.store && values.cashbox)) throw new UsageError('a cashbox key needs --store and --cashbox');
        const { key, secret } = await this.store.create({ kind, storeId: values.store, cashboxId: values.cashbox, label: values.label });
        print([{ ...describe(key), secret }], json);
        if (!json) process.stderr.write('Keep the secret now: it is stored only as a hash and cannot be shown again.\n');
        return;
      }
      case 'list':
        print((await this.store.list(values.kind ? asKind(values.kind) : undefined)).map(describe), json);
        return;
      case 'revoke': {
        if (!argument) throw new UsageError('name the key id to revoke');
        const key = await this.store.revoke(argument);
        if (!key) throw new UsageError(`no key with id ${argument}`);
        print([describe(key)], json);
        return;
      }
      default:
        throw new UsageError(`unknown keys action: ${action ?? '(none)'}`);
    }
  }
}

function asKind(value: string | undefined): ApiKeyKind {
  if (!KINDS.includes(value as ApiKeyKind)) throw new UsageError(`key kind must be one of ${KINDS.join(', ')}`);
  return value as ApiKeyKind;
}

function describe(key: ApiKey): Record<string, unknown> {
  return {
    id: key.id, kind: key.kind, hint: key.hint, store: key.storeId, cashbox: key.cashboxId, label: key.label,
    created: key.createdAt, revoked: key.revokedAt,
  };
}
