import { cloudEventHeaders, serializeVoucherEvent, voucherDeadLetterTopic } from '@voucher-bridge/voucher-contract';
import { randomBytes, randomUUID } from 'node:crypto';
import { CreatedKey, admin, createOperatorKey } from '../support/admin-cli';
import { eventually } from '../support/eventually';
import { bearer, getJson, postJson } from '../support/http';
import { produce, readRecords } from '../support/kafka-client';
import { eventuallyRegistered, lookUp, newVoucherCode, postPurchase, purchaseBody } from '../support/purchases';
import { onRegistryInsertOf } from '../support/registry-trigger';
import { useBridge } from '../support/use-bridge';
import { produceEvents, purchaseEventOf, redemption } from '../support/voucher-events';

describe('dead letters: operators list, replay (dry run too) and discard them, audited; readiness shows the consumer', () => {
  // A short poison bound, for the record that keeps failing.
  const context = useBridge({ CONSUMER_POISON_BOUND_MS: '2000' });
  let operator: CreatedKey;

  beforeAll(async () => {
    operator = await createOperatorKey();
    // The test database is shared by every spec and this one lists, filters and counts across it:
    // what earlier specs left parked or subscribed is settled first, so only this spec's own count.
    await context.db.query("UPDATE webhook_subscription SET deleted_at = now() WHERE deleted_at IS NULL");
    await context.db.query("UPDATE webhook_delivery SET status = 'discarded', payload = NULL WHERE status IN ('pending', 'parked')");
    await context.db.query("UPDATE registry_dead_letter SET status = 'discarded', resolved_at = now() WHERE status = 'parked'");
  });

  const url = (path: string) => `${context.bridge.connector.baseUrl}${path}`;
  const list = (query: string) => getJson(url(`/v1/dead-letters?${query}`), bearer(operator.secret));
  const replay = (body: object) => postJson(url('/v1/dead-letters/replays'), body, bearer(operator.secret));
  const discard = (body: object) => postJson(url('/v1/dead-letters/discards'), body, bearer(operator.secret));
  const show = async (id: string) => (await getJson(url(`/v1/dead-letters/${id}`), bearer(operator.secret))).body;

  /** The parked dead letter of this voucher with this reason, once the connector parked it. */
  function parkedOf(code: string, reason: string) {
    const masked = `****${code.slice(-4)}`;
    return eventually(`${reason} dead letter of ${masked}`, async () => {
      const { status, body } = await list(`kind=record&reason=${reason}&limit=500`);
      if (status !== 200) throw new Error(`list answered ${status}`);
      const found = body.items.find((item: { voucherCode: string }) => item.voucherCode === masked);
      if (!found) throw new Error('not parked yet');
      return found;
    });
  }

  it('answers 401 without an operator key and 403 with a key of another kind', async () => {
    const none = await getJson(url('/v1/dead-letters'));
    expect(none.status).toBe(401);
    expect(none.contentType).toContain('application/problem+json');
    const shop = await getJson(url('/v1/dead-letters'), bearer(context.bridge.shopKey.secret));
    expect(shop.status).toBe(403);
    expect(shop.contentType).toContain('application/problem+json');
    const replayAsShop = await postJson(url('/v1/dead-letters/replays'), { all: true }, bearer(context.bridge.shopKey.secret));
    expect(replayAsShop.status).toBe(403);
    expect((await getJson(url('/v1/operator-audit'), bearer(context.bridge.cashboxKey.secret))).status).toBe(403);
    expect((await list('')).status).toBe(200);
    const badCursor = await list('after=nonsense');
    expect(badCursor.status).toBe(400);
    expect(badCursor.body.errors.map((error: { field: string }) => error.field)).toEqual(['after']);
    expect((await list('kind=letters')).status).toBe(400);
    expect((await getJson(url('/v1/dead-letters/42'), bearer(operator.secret))).status).toBe(400);
    expect((await getJson(url('/v1/dead-letters/rec_999999'), bearer(operator.secret))).status).toBe(404);
    const neither = await replay({ dryRun: true });
    expect(neither.status).toBe(400);
    expect(neither.body.errors.map((error: { field: string }) => error.field)).toEqual(['ids']);
  });

  it('lists garbage bytes with the parse error, applies the next valid events, parks a replay of it again, discards it with a reason', async () => {
    const code = newVoucherCode();
    const body = purchaseBody({ voucherCode: code });
    // An independent client puts bytes no cashbox would send on the partition, then a valid purchase.
    await produce(context.bridge.topic, [{ key: code, value: randomBytes(64) }]);
    await produceEvents(context.bridge, [purchaseEventOf(body)]);
    expect(await eventuallyRegistered(context.bridge, code)).toMatchObject({ balance: 5000 });

    const parked = await parkedOf(code, 'malformed-json');
    expect(parked).toMatchObject({
      kind: 'record', reasonClass: 'invalid-record', status: 'parked', attempts: 1, eventId: null,
      source: { topic: context.bridge.topic },
    });
    expect(parked.detail).not.toBe('');
    expect(JSON.stringify(parked)).not.toContain(code);
    expect(await show(parked.id)).toEqual(parked);
    const [letter] = await readRecords(voucherDeadLetterTopic(context.bridge.environment), 1, (record) => record.key === code);
    expect(letter.headers).toMatchObject({ 'dead-letter-id': parked.id, 'dead-letter-attempts': '1', 'source-offset': parked.source.offset });

    const again = await replay({ ids: [parked.id] });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ dryRun: false, summary: { 'parked-again': 1 }, items: [{ id: parked.id, outcome: 'parked-again', reason: 'malformed-json', attempts: 2 }] });
    expect(await show(parked.id)).toMatchObject({ status: 'parked', attempts: 2 });
    const letters = await readRecords(voucherDeadLetterTopic(context.bridge.environment), 2, (record) => record.key === code);
    expect(letters.map((record) => record.headers['dead-letter-attempts']).sort()).toEqual(['1', '2']);

    const withoutReason = await discard({ ids: [parked.id] });
    expect(withoutReason.status).toBe(400);
    expect(withoutReason.contentType).toContain('application/problem+json');
    expect(withoutReason.body.errors.map((error: { field: string }) => error.field)).toEqual(['reason']);
    expect(await show(parked.id)).toMatchObject({ status: 'parked' });
    // A null selection is no selection: once it passed as "every parked dead letter".
    for (const nothing of [{ ids: null }, { filter: null }, { all: null }]) {
      const refused = await discard({ ...nothing, reason: 'a null selection' });
      expect(refused.status).toBe(400);
      expect(refused.body.errors.map((error: { field: string }) => error.field)).toEqual(Object.keys(nothing));
    }
    expect(await show(parked.id)).toMatchObject({ status: 'parked' });

    const discarded = await discard({ ids: [parked.id], reason: 'bytes from a load test' });
    expect(discarded.body).toMatchObject({ summary: { discarded: 1 } });
    expect(await show(parked.id)).toMatchObject({ status: 'discarded', resolution: 'bytes from a load test' });
    expect((await replay({ ids: [parked.id] })).body.items).toEqual([{ id: parked.id, outcome: 'not-parked', status: 'discarded' }]);
  });

  it('replays a redemption of a voucher unknown when it came, once the purchase arrived: dry run changes nothing, the replay applies it once', async () => {
    const code = newVoucherCode();
    const body = purchaseBody({ voucherCode: code });
    await produceEvents(context.bridge, [redemption(code, 1500)]);
    const parked = await parkedOf(code, 'UNKNOWN_VOUCHER');
    expect(parked).toMatchObject({ reasonClass: 'rule-violation', eventType: 'voucher.redeemed', attempts: 1 });

    // The cause goes away: the purchase arrives after the redemption.
    await produceEvents(context.bridge, [purchaseEventOf(body)]);
    expect(await eventuallyRegistered(context.bridge, code)).toMatchObject({ balance: 5000 });

    const dry = await replay({ ids: [parked.id], dryRun: true });
    expect(dry.body).toMatchObject({ dryRun: true, items: [{ id: parked.id, outcome: 'applied', sequence: 2, balance: 3500, currency: 'EUR' }] });
    expect((await lookUp(context.bridge, code)).body).toMatchObject({ balance: 5000 });
    expect(await show(parked.id)).toMatchObject({ status: 'parked', attempts: 1 });

    // Two operators at once: one replay applies it, the other finds it done.
    const [first, second] = await Promise.all([replay({ ids: [parked.id] }), replay({ ids: [parked.id] })]);
    const outcomes = [first.body.items[0].outcome, second.body.items[0].outcome].sort();
    expect(outcomes).toEqual(['applied', 'not-parked']);
    const voucher = (await lookUp(context.bridge, code)).body;
    expect(voucher).toMatchObject({ balance: 3500 });
    const applied = voucher.history.filter((entry: { outcome: string }) => entry.outcome === 'applied');
    expect(applied.map((entry: { sequence: number }) => entry.sequence)).toEqual([1, 2]);
    expect(await show(parked.id)).toMatchObject({ status: 'replayed' });

    const audit = await getJson(url('/v1/operator-audit?limit=10'), bearer(operator.secret));
    expect(audit.status).toBe(200);
    const mine = audit.body.items.filter((entry: { target: { ids?: string[] } }) => entry.target.ids?.includes(parked.id));
    expect(mine.map((entry: { dryRun: boolean }) => entry.dryRun).sort()).toEqual([false, false, true]);
    expect(mine[0]).toMatchObject({ action: 'dead-letters.replay', apiKey: { id: operator.id, label: 'e2e operator' } });
    expect(mine.map((entry: { outcome: { summary: object } }) => entry.outcome.summary)).toEqual(
      expect.arrayContaining([{ applied: 1 }, { 'not-parked': 1 }]));
  });

  it('a replay whose cause is still there stays parked with one attempt more; the CLI lists and replays', async () => {
    const code = newVoucherCode();
    await produceEvents(context.bridge, [purchaseEventOf(purchaseBody({ voucherCode: code, amount: { value: 1000, currency: 'EUR' } })), redemption(code, 5000)]);
    const parked = await parkedOf(code, 'INSUFFICIENT_FUNDS');

    const cli = (...args: string[]) => admin('dead-letters', ...args, '--url', context.bridge.connector.baseUrl, '--key', operator.secret);
    const listed = JSON.parse((await cli('list', '--reason', 'INSUFFICIENT_FUNDS', '--json')).stdout);
    expect(listed).toEqual(expect.arrayContaining([expect.objectContaining({ id: parked.id, status: 'parked' })]));
    const replayed = JSON.parse((await cli('replay', parked.id, '--json')).stdout);
    expect(replayed.items).toEqual([expect.objectContaining({ id: parked.id, outcome: 'parked-again', reason: 'INSUFFICIENT_FUNDS', attempts: 2 })]);
    expect(await show(parked.id)).toMatchObject({ status: 'parked', attempts: 2 });
    expect((await lookUp(context.bridge, code)).body).toMatchObject({ balance: 1000 });
    await expect(admin('dead-letters', 'list', '--url', context.bridge.connector.baseUrl, '--key', context.bridge.shopKey.secret))
      .rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('403') });
  });

  it('a record that keeps failing (a defect, not an outage) is parked as processing-error after the bound; the partition moves on; replayed once fixed', async () => {
    const poison = purchaseEventOf(purchaseBody());
    const next = purchaseEventOf(purchaseBody());
    const heal = await onRegistryInsertOf(context.db, poison.voucherCode, 'poison_for_test', "RAISE EXCEPTION 'a defect meeting this voucher'");
    try {
      // One partition, poison first: the next purchase waits behind it until the bound.
      await produce(context.bridge.topic, [poison, next].map((event) => ({
        key: event.voucherCode, value: serializeVoucherEvent(event), headers: cloudEventHeaders(event), partition: 0,
      })));
      expect(await eventuallyRegistered(context.bridge, next.voucherCode)).toMatchObject({ balance: 5000 });
      const parked = await parkedOf(poison.voucherCode, 'DatabaseError');
      expect(parked).toMatchObject({ reasonClass: 'processing-error', eventId: poison.eventId, attempts: 1, source: { partition: 0 } });
      expect(parked.detail).toContain('a defect meeting this voucher');
      expect((await lookUp(context.bridge, poison.voucherCode)).status).toBe(404);
      // Still broken: the replay fails again and stays parked.
      expect((await replay({ ids: [parked.id] })).body.items).toEqual([expect.objectContaining({ outcome: 'parked-again', reasonClass: 'processing-error', attempts: 2 })]);
    } finally {
      await heal();
    }
    const parked = await parkedOf(poison.voucherCode, 'DatabaseError');
    expect((await replay({ ids: [parked.id] })).body.items).toEqual([{ id: parked.id, outcome: 'applied', sequence: 1, balance: 5000, currency: 'EUR' }]);
    expect((await lookUp(context.bridge, poison.voucherCode)).body).toMatchObject({ balance: 5000 });
  });

  it('readiness details show the partitions, the lag and the oldest parked dead letter; /metrics the gauges', async () => {
    // A record on every partition, so each has a committed offset to measure against.
    const purchases = [0, 1, 2].map(() => purchaseEventOf(purchaseBody()));
    await produce(context.bridge.topic, purchases.map((event, partition) => ({
      key: event.voucherCode, value: serializeVoucherEvent(event), headers: cloudEventHeaders(event), partition,
    })));
    for (const event of purchases) await eventuallyRegistered(context.bridge, event.voucherCode);
    // And through the gateway, whose relay writes in Kafka transactions: a partition it wrote ends
    // with a transaction marker, which no consumer is handed and no committed offset passes.
    // Nothing waits there: the lag is 0 all the same (24 vouchers: every partition gets some).
    const relayed = Array.from({ length: 24 }, () => purchaseBody());
    for (const answer of await Promise.all(relayed.map((body) => postPurchase(context.bridge, body)))) expect(answer.status).toBe(202);
    for (const body of relayed) await eventuallyRegistered(context.bridge, body.voucherCode);
    // The member reports its lag every CONNECTOR_STATUS_INTERVAL_MS (5 s).
    const ready = await eventually('lag of every partition to be known', async () => {
      const answer = await getJson(url('/health/ready'));
      const lag = answer.body.details.consumer.lag;
      // Everything produced so far is handled and committed: a report after the last commit says 0.
      if (lag.partitions?.length !== 3 || lag.partitions.some((p: { lag: number | null }) => p.lag !== 0)) throw new Error(JSON.stringify(lag));
      return answer;
    });
    expect(ready.status).toBe(200);
    expect(ready.body.details.consumer).toMatchObject({ status: 'up', connected: true, partitions: { count: 3, assigned: [0, 1, 2] } });
    expect(ready.body.details.consumer.lag.partitions.map((p: { partition: number }) => p.partition)).toEqual([0, 1, 2]);
    expect(ready.body.details.consumer.lag).toMatchObject({ total: 0, measuredAt: expect.any(String) });
    expect(ready.body.details.deadLetters.parked.record).toBeGreaterThanOrEqual(1);
    expect(ready.body.details.deadLetters.oldestParkedSeconds).toEqual(expect.any(Number));
    expect(ready.body.details.subscriptions).toMatchObject({ status: 'up', failing: 0 });

    const metrics = await (await fetch(url('/metrics'))).text();
    expect(metrics).toMatch(/^connector_consumer_lag\{[^}]*partition="0"[^}]*\} \d+$/m);
    expect(metrics).toMatch(/^dead_letters_parked\{[^}]*kind="record"[^}]*\} [1-9]\d*$/m);
    expect(metrics).toMatch(/^dead_letter_replays_total\{[^}]*outcome="applied"[^}]*\} [1-9]/m);
    expect(metrics).toMatch(/^dead_letter_discards_total\{[^}]*kind="record"[^}]*\} 1$/m);
  });

  it('parked deliveries: listed, pages follow the cursor, a replay hands them back to the delivery engine, a discard drops the payload', async () => {
    // The delivery engine's side, as it leaves a subscription's deliveries: two parked, one failing.
    const subscription = randomUUID();
    // Subscribed to cancellations only, which no test here produces: a purchase of the earlier
    // tests registered after this insert must not add a delivery of its own to the counts below.
    await context.db.query(`INSERT INTO webhook_subscription (id, url, event_types) VALUES ($1, 'http://127.0.0.1:9/hook', '{voucher.cancelled}')`, [subscription]);
    const deliveries = [randomUUID(), randomUUID(), randomUUID()];
    for (const [i, eventId] of deliveries.entries()) {
      // The failing one's next attempt is an hour away: the dispatcher must not park it meanwhile.
      await context.db.query(`INSERT INTO webhook_delivery (subscription_id, event_id, event_type, voucher_code_hash, voucher_code_masked,
          sequence, payload, status, attempts, last_attempt_at, last_status, last_error, next_attempt_at)
        VALUES ($1, $2, 'voucher.purchased', 'h', '****WXYZ', 1, '{"full":"payload"}', $3, 4, now() - make_interval(secs => $4), 400, 'Bad Request',
          now() + make_interval(hours => $5))`,
      [subscription, eventId, i < 2 ? 'parked' : 'pending', 10 - i, i < 2 ? 0 : 1]);
    }
    const [first, second] = deliveries.map((eventId) => `dlv_${subscription}_${eventId}`);

    const page1 = await list('kind=delivery&limit=1');
    expect(page1.body.items).toEqual([expect.objectContaining({ id: first, kind: 'delivery', reason: 'http-400', detail: 'Bad Request', subscriptionId: subscription, attempts: 4 })]);
    const page2 = await list(`kind=delivery&limit=1&after=${page1.body.nextCursor}`);
    expect(page2.body.items.map((item: { id: string }) => item.id)).toEqual([second]);
    expect(page2.body.nextCursor).toBeNull();

    const dry = await replay({ ids: [first], dryRun: true });
    expect(dry.body.items).toEqual([{ id: first, outcome: 'requeued', subscriptionStatus: 'active' }]);
    expect((await show(first)).status).toBe('parked');
    expect((await replay({ filter: { kind: 'delivery' } })).body).toMatchObject({ summary: { requeued: 2 } });
    const row = async (eventId: string) => (await context.db.query('SELECT status, attempts, payload, next_attempt_at <= now() AS due FROM webhook_delivery WHERE event_id = $1', [eventId])).rows[0];
    expect(await row(deliveries[0])).toEqual({ status: 'pending', attempts: 0, payload: '{"full":"payload"}', due: true });

    await context.db.query(`UPDATE webhook_delivery SET status = 'parked' WHERE event_id = $1`, [deliveries[1]]);
    expect((await discard({ ids: [second], reason: 'shop removed the endpoint' })).body.items).toEqual([{ id: second, outcome: 'discarded' }]);
    expect(await row(deliveries[1])).toMatchObject({ status: 'discarded', payload: null });
    expect(await show(second)).toMatchObject({ status: 'discarded' });

    const ready = await getJson(url('/health/ready'));
    expect(ready.body.details.subscriptions).toMatchObject({ failing: 1 });
    // Later specs' events must not be queued for this made-up endpoint.
    await context.db.query('UPDATE webhook_subscription SET deleted_at = now() WHERE id = $1', [subscription]);
  });
});
