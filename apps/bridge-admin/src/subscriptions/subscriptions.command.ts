import { parseArgs } from 'node:util';
import { ConnectorApiClient, connectorUrl } from '../connector-api/connector-api.client';
import { print } from '../output/print';
import { UsageError } from '../usage.error';

export const SUBSCRIPTIONS_USAGE = `subscriptions list [--json]
  subscriptions show <id> [--json]
  subscriptions create --url <endpoint> [--event-types voucher.purchased,voucher.redeemed,voucher.cancelled] [--json]
  subscriptions delete <id>
  subscriptions rotate-secret <id> [--json]
      the web shop's endpoints, through the connector's subscriptions API with a shop key:
      BRIDGE_SHOP_KEY or --key (make one: keys create shop); the connector's address is --connector here (--url is the endpoint)`;

const ALL_EVENT_TYPES = 'voucher.purchased,voucher.redeemed,voucher.cancelled';

interface Subscription {
  id: string; url: string; eventTypes: string[]; status: string; disabledReason: string | null; createdAt: string;
}

/**
 * `admin subscriptions …`: the same API the web shop uses (a shop key), so an operator sees and
 * does exactly what the shop would — no second, operator-only way to the same rows.
 */
export class SubscriptionsCommand {
  async run(args: string[]): Promise<void> {
    const { values, positionals } = parseArgs({
      args, allowPositionals: true,
      options: {
        connector: { type: 'string' }, key: { type: 'string' }, json: { type: 'boolean', default: false },
        url: { type: 'string' }, 'event-types': { type: 'string' },
      },
    });
    const [action, ...ids] = positionals;
    const json = values.json ?? false;
    const key = values.key ?? process.env.BRIDGE_SHOP_KEY;
    if (!key) throw new UsageError('a shop key is needed: set BRIDGE_SHOP_KEY or pass --key');
    const api = new ConnectorApiClient(connectorUrl(values.connector), key);
    const id = () => {
      if (ids.length !== 1) throw new UsageError(`${action} needs one subscription id`);
      return encodeURIComponent(ids[0]);
    };
    switch (action) {
      case 'list': {
        const subscriptions = await api.get<Subscription[]>('/v1/subscriptions');
        print(json ? subscriptions as unknown as Record<string, unknown>[] : subscriptions.map(row), json);
        return;
      }
      case 'show':
        print([await api.get<Subscription>(`/v1/subscriptions/${id()}`)].map((s) => (json ? { ...s } : row(s))), json);
        return;
      case 'create': {
        if (!values.url) throw new UsageError('create needs --url <endpoint>');
        const eventTypes = (values['event-types'] ?? ALL_EVENT_TYPES).split(',').map((type) => type.trim()).filter(Boolean);
        const created = await api.post<Subscription & { secret: string }>('/v1/subscriptions', { url: values.url, eventTypes });
        print([json ? { ...created } : { id: created.id, url: created.url, events: created.eventTypes.join(','), secret: created.secret }], json);
        if (!json) process.stderr.write('the secret is shown once: give it to the shop to verify the signatures (Standard Webhooks)\n');
        return;
      }
      case 'delete':
        await api.delete(`/v1/subscriptions/${id()}`);
        if (!json) process.stderr.write(`deleted ${ids[0]}\n`);
        return;
      case 'rotate-secret': {
        const rotation = await api.post<{ secret: string; previousSecretsExpireAt: string }>(`/v1/subscriptions/${id()}/secret-rotations`, {});
        print([{ ...rotation }], json);
        return;
      }
      default:
        throw new UsageError(`unknown subscriptions action: ${action ?? '(none)'}`);
    }
  }
}

function row(subscription: Subscription): Record<string, unknown> {
  return {
    id: subscription.id, url: subscription.url, events: subscription.eventTypes.join(','), status: subscription.status,
    disabled: subscription.disabledReason, created: subscription.createdAt,
  };
}
