import { Webhook } from 'standardwebhooks';
import { newSubscriptionSecret } from './subscription-secret';

describe('newSubscriptionSecret', () => {
  it('is whsec_ and the base64 of 32 random bytes, a new one each time', () => {
    const secret = newSubscriptionSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(secret.slice('whsec_'.length), 'base64')).toHaveLength(32);
    expect(newSubscriptionSecret()).not.toBe(secret);
  });

  it('signs and verifies with the standardwebhooks package', () => {
    const webhook = new Webhook(newSubscriptionSecret());
    const body = JSON.stringify({ type: 'voucher.purchased' });
    const timestamp = new Date();
    const headers = { 'webhook-id': 'msg_1', 'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1000)), 'webhook-signature': webhook.sign('msg_1', timestamp, body) };
    expect(webhook.verify(body, headers)).toEqual({ type: 'voucher.purchased' });
    expect(() => new Webhook(newSubscriptionSecret()).verify(body, headers)).toThrow();
  });
});
