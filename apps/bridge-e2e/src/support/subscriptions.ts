import { randomBytes } from 'node:crypto';
import { Bridge } from './bridge';
import { bearer, postJson } from './http';

export interface TestSubscription {
  id: string;
  secret: string;
}

export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

/** Registers an endpoint as the web shop does: through the connector's API, with the shop key. */
export async function createSubscription(bridge: Bridge, { url, eventTypes }: { url: string; eventTypes: string[] }): Promise<TestSubscription> {
  const answer = await postJson(`${bridge.connector.baseUrl}/v1/subscriptions`, { url, eventTypes }, bearer(bridge.shopKey.secret));
  if (answer.status !== 201) throw new Error(`POST /v1/subscriptions answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  return { id: answer.body.id, secret: answer.body.secret };
}

/** A rotation through the API: a new current secret; the older ones keep signing for the overlap. */
export async function rotateSecret(bridge: Bridge, subscriptionId: string): Promise<string> {
  const answer = await postJson(`${bridge.connector.baseUrl}/v1/subscriptions/${subscriptionId}/secret-rotations`, {}, bearer(bridge.shopKey.secret));
  if (answer.status !== 201) throw new Error(`secret rotation answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  return answer.body.secret;
}

/**
 * Subscriptions are global to the database: a spec deletes its own when done, or later specs'
 * events would be queued for its closed receiver.
 */
export async function deleteSubscriptions(bridge: Bridge, ids: string[]): Promise<void> {
  for (const id of ids) {
    const answer = await fetch(`${bridge.connector.baseUrl}/v1/subscriptions/${id}`, { method: 'DELETE', headers: bearer(bridge.shopKey.secret) });
    if (answer.status !== 204) throw new Error(`DELETE /v1/subscriptions/${id} answered ${answer.status}`);
  }
}
