import { Webhook } from 'standardwebhooks';

/**
 * Standard Webhooks v1 headers for one attempt. `secrets` are the subscription's unexpired
 * secrets, current first: during a rotation's overlap the shop may still verify with the old
 * one, so every secret signs and the signatures go space-separated in one header.
 */
export function webhookHeaders(secrets: readonly string[], messageId: string, at: Date, body: string): Record<string, string> {
  if (secrets.length === 0) throw new Error('no unexpired signing secret');
  return {
    'content-type': 'application/json',
    'webhook-id': messageId,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1_000)),
    'webhook-signature': secrets.map((secret) => new Webhook(secret).sign(messageId, at, body)).join(' '),
  };
}
