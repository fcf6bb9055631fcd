import { randomBytes, randomUUID } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { webhookHeaders } from './webhook-signature';

const newSecret = () => `whsec_${randomBytes(32).toString('base64')}`;

describe('webhookHeaders', () => {
  const body = JSON.stringify({ type: 'voucher.purchased', id: randomUUID(), data: { sequence: 1 } });

  it('signs so that the standardwebhooks package verifies it', () => {
    const secret = newSecret();
    const id = randomUUID();
    const headers = webhookHeaders([secret], id, new Date(), body);
    expect(headers['webhook-id']).toBe(id);
    expect(headers['content-type']).toBe('application/json');
    expect(headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body));
  });

  it('carries one signature per secret during a rotation, each verifiable with its own secret', () => {
    const [current, previous] = [newSecret(), newSecret()];
    const headers = webhookHeaders([current, previous], randomUUID(), new Date(), body);
    expect(headers['webhook-signature'].split(' ')).toHaveLength(2);
    expect(new Webhook(current).verify(body, headers)).toEqual(JSON.parse(body));
    expect(new Webhook(previous).verify(body, headers)).toEqual(JSON.parse(body));
    expect(() => new Webhook(newSecret()).verify(body, headers)).toThrow();
  });

  it('refuses to send unsigned', () => {
    expect(() => webhookHeaders([], randomUUID(), new Date(), body)).toThrow(/secret/);
  });

  it('refuses a secret that is not whsec_ and base64, as the package does', () => {
    for (const bad of ['whsec_', 'whsec_not base64!', 'whsec_abc']) {
      expect(() => new Webhook(bad)).toThrow();
      expect(() => webhookHeaders([bad], randomUUID(), new Date(), body)).toThrow(/whsec_/);
    }
  });

  it('signs a body with characters outside ASCII as the package verifies it', () => {
    const secret = newSecret();
    const unicode = JSON.stringify({ type: 'voucher.redeemed', id: randomUUID(), data: { note: 'Geschenkgutschein – 50 € ✓' } });
    const headers = webhookHeaders([secret], randomUUID(), new Date(), unicode);
    expect(new Webhook(secret).verify(unicode, headers)).toEqual(JSON.parse(unicode));
  });
});
