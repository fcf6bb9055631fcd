import { Webhook } from 'standardwebhooks';
import { SecretCipher, cipherKey } from '@voucher-bridge/secret-cipher';
import { createCashboxKey } from '../support/admin-cli';
import { AppProcess } from '../support/app-process';
import { testDatabase } from '../support/database';
import { eventually } from '../support/eventually';
import { freePort } from '@voucher-bridge/app-launch';
import { Answer, bearer, postJson } from '../support/http';
import { newWebhookSecret } from '../support/subscriptions';
import { TEST_WEBHOOK_SECRET_ENCRYPTION_KEY } from '../support/test-environment';
import { useBridge } from '../support/use-bridge';

const ALL_TYPES = ['voucher.purchased', 'voucher.redeemed', 'voucher.cancelled'];
const RECEIVER = 'http://127.0.0.1:8099/voucher-events';
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

describe('shop subscriptions API: /v1/subscriptions with the shop key', () => {
  // Outside prod (VOUCHER_ENV test-…): plain http and loopback allowed, link-local never.
  const context = useBridge();
  const created: string[] = [];

  const url = (path = '') => `${context.bridge.connector.baseUrl}/v1/subscriptions${path}`;
  const create = async (body: unknown, secret = context.bridge.shopKey.secret) => {
    const answer = await postJson(url(), body, bearer(secret));
    if (answer.status === 201) created.push(answer.body.id);
    return answer;
  };
  const send = async (method: 'GET' | 'DELETE', path = '', secret = context.bridge.shopKey.secret): Promise<Answer> => {
    const response = await fetch(url(path), { method, headers: bearer(secret) });
    const text = await response.text();
    return { status: response.status, contentType: response.headers.get('content-type') ?? '', headers: response.headers, body: text ? JSON.parse(text) : undefined };
  };
  // The connector's key: what it stores must be sealed under it, and open to the secret it answered.
  const cipher = new SecretCipher(cipherKey(TEST_WEBHOOK_SECRET_ENCRYPTION_KEY));
  const storedRows = async (id: string) => (await context.db.query<{ secret: string; expires_at: Date | null }>(
    'SELECT secret, expires_at FROM webhook_subscription_secret WHERE subscription_id = $1 ORDER BY id', [id])).rows;
  /** The rows with their secrets opened; each must have been stored sealed, under the connector's key. */
  const secretRows = async (id: string) => (await storedRows(id)).map((row) => {
    expect(row.secret).toMatch(new RegExp(`^sc1:${cipherKey(TEST_WEBHOOK_SECRET_ENCRYPTION_KEY).id}:`));
    return { ...row, secret: cipher.open(row.secret, id) };
  });

  // The suite's database is shared by every spec: leave no active subscription behind for a delivery engine.
  // (its own pool: useBridge's afterAll has ended the spec's pool by now)
  afterAll(async () => {
    const db = testDatabase();
    try {
      await db.query('UPDATE webhook_subscription SET deleted_at = now() WHERE id = ANY($1::uuid[]) AND deleted_at IS NULL', [created]);
    } finally {
      await db.end();
    }
  });

  function expectProblem(answer: Answer, status: number) {
    expect({ status: answer.status, contentType: answer.contentType }).toEqual({ status, contentType: expect.stringContaining('application/problem+json') });
  }

  it('answers 401 without a key, with an unknown key and with a cashbox key, and writes nothing', async () => {
    const before = await context.db.query('SELECT count(*)::int AS n FROM webhook_subscription');
    const cashbox = await createCashboxKey('store-042', 'box-9');
    for (const secret of ['', 'vbk_shop_unknown', cashbox.secret]) {
      const answer = await create({ url: RECEIVER, eventTypes: ALL_TYPES }, secret);
      expectProblem(answer, 401);
      expect(answer.headers.get('www-authenticate')).toBe('Bearer');
      expectProblem(await send('GET', '', secret), 401);
    }
    expect((await context.db.query('SELECT count(*)::int AS n FROM webhook_subscription')).rows[0].n).toBe(before.rows[0].n);
  });

  it('creates a subscription with a whsec_ secret the standardwebhooks package signs and verifies with; list and get never show it', async () => {
    const answer = await create({ url: RECEIVER, eventTypes: ALL_TYPES });
    expect(answer.status).toBe(201);
    expect(answer.contentType).toContain('application/json');
    expect(answer.body).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), url: RECEIVER, eventTypes: ALL_TYPES, secret: expect.stringMatching(/^whsec_[A-Za-z0-9+/]{43}=$/) });
    const { id, secret } = answer.body;

    const body = JSON.stringify({ type: 'voucher.purchased', id: 'evt-1' });
    const timestamp = new Date();
    const headers = { 'webhook-id': 'msg_1', 'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1000)), 'webhook-signature': new Webhook(secret).sign('msg_1', timestamp, body) };
    expect(new Webhook(secret).verify(body, headers)).toEqual({ type: 'voucher.purchased', id: 'evt-1' });
    expect(await secretRows(id)).toEqual([{ secret, expires_at: null }]);
    expect(JSON.stringify(await storedRows(id))).not.toContain(secret.slice(6));
    // Shown once, never logged.
    expect(context.bridge.connector.log).not.toContain(secret.slice(6));

    const one = await send('GET', `/${id}`);
    expect(one.status).toBe(200);
    expect(one.body).toEqual({ id, url: RECEIVER, eventTypes: ALL_TYPES, status: 'active', disabledReason: null, createdAt: expect.any(String) });
    expect(Date.parse(one.body.createdAt)).not.toBeNaN();

    const list = await send('GET');
    expect(list.status).toBe(200);
    expect(list.body).toEqual(expect.arrayContaining([one.body]));
    expect(JSON.stringify(list.body)).not.toContain('whsec_');
    expect(JSON.stringify(list.body)).not.toContain(secret.slice(6));
  });

  it.each([
    ['a link-local (metadata) URL', { url: 'http://169.254.169.254/latest/meta-data/', eventTypes: ALL_TYPES }, 'url', /link-local/],
    ['an ftp URL', { url: 'ftp://shop.example.com/hooks', eventTypes: ALL_TYPES }, 'url', /https/],
    ['a URL with credentials', { url: 'https://user:pw@shop.example.com/hooks', eventTypes: ALL_TYPES }, 'url', /credentials/],
    ['a URL over 2048 characters', { url: `https://shop.example.com/${'a'.repeat(2048)}`, eventTypes: ALL_TYPES }, 'url', /2048/],
    ['no URL', { eventTypes: ALL_TYPES }, 'url', /url/],
    ['an unknown event type', { url: RECEIVER, eventTypes: ['voucher.purchased', 'voucher.stolen'] }, 'eventTypes', /one of/],
    ['an empty eventTypes array', { url: RECEIVER, eventTypes: [] }, 'eventTypes', /empty/],
    ['a repeated event type', { url: RECEIVER, eventTypes: ['voucher.redeemed', 'voucher.redeemed'] }, 'eventTypes', /unique/],
  ])('answers 400 naming the field for %s, and writes nothing', async (_, body, field, message) => {
    const before = await context.db.query('SELECT count(*)::int AS n FROM webhook_subscription');
    const answer = await create(body);
    expectProblem(answer, 400);
    expect(answer.body.errors).toEqual(expect.arrayContaining([{ field, messages: expect.arrayContaining([expect.stringMatching(message)]) }]));
    expect((await context.db.query('SELECT count(*)::int AS n FROM webhook_subscription')).rows[0].n).toBe(before.rows[0].n);
  });

  it('deletes: 204, then 404 and gone from the list; pending deliveries are discarded without their payload', async () => {
    const { body: { id } } = await create({ url: RECEIVER, eventTypes: ['voucher.redeemed'] });
    const other = (await create({ url: RECEIVER, eventTypes: ['voucher.redeemed'] })).body.id;
    const delivery = `INSERT INTO webhook_delivery (subscription_id, event_id, event_type, voucher_code_hash, voucher_code_masked, sequence, payload, status)
      VALUES ($1, gen_random_uuid(), 'voucher.redeemed', 'hash', '****ABCD', $2, '{"data":{"voucherCode":"GIFT-2026-ABCD"}}', $3)`;
    await context.db.query(delivery, [id, 1, 'delivered']);
    await context.db.query(delivery, [id, 2, 'pending']);
    await context.db.query(delivery, [other, 1, 'pending']);

    const deleted = await send('DELETE', `/${id}`);
    expect(deleted.status).toBe(204);
    expect(deleted.body).toBeUndefined();

    expectProblem(await send('GET', `/${id}`), 404);
    expectProblem(await send('DELETE', `/${id}`), 404);
    expect((await send('GET')).body.map((s: { id: string }) => s.id)).not.toContain(id);
    const { rows } = await context.db.query(
      'SELECT subscription_id, sequence, status, payload, last_error FROM webhook_delivery WHERE subscription_id = ANY($1::uuid[]) ORDER BY subscription_id = $2 DESC, sequence',
      [[id, other], id]);
    expect(rows).toEqual([
      { subscription_id: id, sequence: 1, status: 'delivered', payload: expect.any(String), last_error: null },
      { subscription_id: id, sequence: 2, status: 'discarded', payload: null, last_error: 'subscription deleted' },
      { subscription_id: other, sequence: 1, status: 'pending', payload: expect.any(String), last_error: null },
    ]);
    expect((await context.db.query('SELECT deleted_at FROM webhook_subscription WHERE id = $1', [id])).rows[0].deleted_at).toBeInstanceOf(Date);
  });

  it('rotates the secret: the new one is current, the older one stays valid until previousSecretsExpireAt', async () => {
    const { body: { id, secret: first } } = await create({ url: RECEIVER, eventTypes: ALL_TYPES });
    const before = Date.now();
    const rotation = await postJson(url(`/${id}/secret-rotations`), {}, bearer(context.bridge.shopKey.secret));
    expect(rotation.status).toBe(201);
    expect(rotation.body).toEqual({ secret: expect.stringMatching(/^whsec_[A-Za-z0-9+/]{43}=$/), previousSecretsExpireAt: expect.any(String) });
    const { secret: second, previousSecretsExpireAt } = rotation.body;
    expect(second).not.toBe(first);
    // The default overlap: 24 h from the rotation.
    const expiresAt = Date.parse(previousSecretsExpireAt);
    expect(expiresAt).toBeGreaterThanOrEqual(before + 86_400_000 - 1_000);
    expect(expiresAt).toBeLessThanOrEqual(Date.now() + 86_400_000 + 1_000);
    expect(await secretRows(id)).toEqual([{ secret: first, expires_at: new Date(previousSecretsExpireAt) }, { secret: second, expires_at: null }]);

    // A second rotation never extends the first secret's overlap. It needs no body (as `curl -X POST` sends none).
    const again = await fetch(url(`/${id}/secret-rotations`), { method: 'POST', headers: bearer(context.bridge.shopKey.secret) });
    expect(again.status).toBe(201);
    const { secret: third } = (await again.json()) as { secret: string };
    const rows = await secretRows(id);
    expect(rows.map((row) => row.secret)).toEqual([first, second, third]);
    expect(rows[0].expires_at!.getTime()).toBeLessThanOrEqual(rows[1].expires_at!.getTime());
    expect(rows[2].expires_at).toBeNull();
    expect(JSON.stringify((await send('GET', `/${id}`)).body)).not.toContain('whsec_');
    for (const secret of [first, second, third]) expect(context.bridge.connector.log).not.toContain(secret.slice(6));
  });

  it('seals at start-up the secrets stored in clear before encryption, and those under a retired key', async () => {
    const { body: { id, secret: current } } = await create({ url: RECEIVER, eventTypes: ALL_TYPES });
    const clear = newWebhookSecret();
    await context.db.query(`INSERT INTO webhook_subscription_secret (subscription_id, secret, expires_at) VALUES ($1, $2, now() + interval '1 hour')`, [id, clear]);
    expect((await storedRows(id)).map((row) => row.secret)).toContain(clear);

    // A second connector with a new key, the suite's key now the retired one.
    const newKey = Buffer.alloc(32, 7).toString('base64');
    const rotated = new SecretCipher(cipherKey(newKey));
    const connector = new AppProcess('eshop-connector', await freePort(), {
      ...context.bridge.env, WEBHOOK_SECRET_ENCRYPTION_KEY: newKey, WEBHOOK_SECRET_ENCRYPTION_PREVIOUS_KEYS: TEST_WEBHOOK_SECRET_ENCRYPTION_KEY,
    });
    await connector.start();
    try {
      const rows = await eventually('every secret of the subscription sealed under the new key', async () => {
        const stored = await storedRows(id);
        if (!stored.every((row) => rotated.isCurrent(row.secret))) throw new Error(stored.map((row) => row.secret.slice(0, 24)).join(', '));
        return stored;
      });
      expect(rows.map((row) => rotated.open(row.secret, id))).toEqual([current, clear]);
      expect(connector.log).toMatch(/webhook signing secrets sealed under key/);
      expect(connector.log).not.toContain(clear.slice(6));
    } finally {
      await connector.stop();
    }
    // Every row the second connector sealed (the database is shared: other specs' too) back under the suite's key,
    // which the suite's connectors know.
    const { rows } = await context.db.query<{ id: string; subscription_id: string; secret: string }>(
      'SELECT id, subscription_id, secret FROM webhook_subscription_secret WHERE secret LIKE $1', [`sc1:${rotated.currentKeyId}:%`]);
    for (const row of rows) {
      await context.db.query('UPDATE webhook_subscription_secret SET secret = $1 WHERE id = $2',
        [cipher.seal(rotated.open(row.secret, row.subscription_id), row.subscription_id), row.id]);
    }
  });

  it('answers 404 for an unknown or deleted id and 400 naming id for a malformed one', async () => {
    const rotate = (id: string) => postJson(url(`/${id}/secret-rotations`), {}, bearer(context.bridge.shopKey.secret));
    expectProblem(await rotate(UNKNOWN_ID), 404);
    expectProblem(await send('GET', `/${UNKNOWN_ID}`), 404);
    expectProblem(await send('DELETE', `/${UNKNOWN_ID}`), 404);

    const { body: { id } } = await create({ url: RECEIVER, eventTypes: ALL_TYPES });
    expect((await send('DELETE', `/${id}`)).status).toBe(204);
    const afterDelete = await rotate(id);
    expectProblem(afterDelete, 404);
    expect(afterDelete.body).toMatchObject({ type: 'urn:voucher-bridge:problem:subscription-not-found' });
    expect(await secretRows(id)).toHaveLength(1);

    for (const answer of [await rotate('not-a-uuid'), await send('GET', '/not-a-uuid'), await send('DELETE', '/not-a-uuid')]) {
      expectProblem(answer, 400);
      expect(answer.body.errors).toEqual([{ field: 'id', messages: ['id must be a UUID'] }]);
    }
  });
});

describe('shop subscriptions API: rate-limited per shop key like lookups', () => {
  const context = useBridge({ LOOKUP_RATE_LIMIT_PER_SECOND: '3' });

  it('answers 429 problem with Retry-After over LOOKUP_RATE_LIMIT_PER_SECOND', async () => {
    const list = () => fetch(`${context.bridge.connector.baseUrl}/v1/subscriptions`, { headers: bearer(context.bridge.shopKey.secret) });
    // A burst may straddle the end of a one-second window: at most two windows' worth get through.
    const burst = await Promise.all(Array.from({ length: 20 }, list));
    const limited = burst.filter((response) => response.status === 429);
    expect(burst.filter((response) => response.status === 200).length).toBeLessThanOrEqual(6);
    expect(limited.length).toBeGreaterThanOrEqual(14);
    expect(limited[0].headers.get('content-type')).toContain('application/problem+json');
    expect(Number(limited[0].headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await limited[0].json()).toMatchObject({ status: 429, title: 'Too Many Requests' });
  });
});
