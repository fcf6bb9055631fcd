import { hashVoucherCode, maskVoucherCode, voucherDeadLetterTopic } from '@voucher-bridge/voucher-contract';
import { eventually } from '../support/eventually';
import { AppProcess } from '../support/app-process';
import { freePort } from '@voucher-bridge/app-launch';
import { committedOffsets, readRecords, topicEndTotal } from '../support/kafka-client';
import { eventuallyRegistered, lookUp, newVoucherCode, postPurchase, purchaseBody } from '../support/purchases';
import { useBridge } from '../support/use-bridge';
import { cancellation, produceEvents, purchaseEventOf, redemption } from '../support/voucher-events';

describe('the voucher state machine: events applied in order per voucher, rule breakers parked', () => {
  const context = useBridge();

  /** Buys a voucher at the cashbox (through the gateway) and waits until the shop sees it. */
  async function purchased(overrides: Record<string, unknown> = {}) {
    const body = purchaseBody(overrides);
    const accepted = await postPurchase(context.bridge, body);
    expect(accepted.status).toBe(202);
    await eventuallyRegistered(context.bridge, body.voucherCode);
    return { body, code: body.voucherCode, eventId: accepted.body.eventId as string };
  }

  /** The shop's lookup, once the voucher's history has `entries` entries. */
  function lookedUpWithHistory(code: string, entries: number) {
    return eventually(`${entries} history entries`, async () => {
      const answer = await lookUp(context.bridge, code);
      if (answer.status !== 200) throw new Error(`lookup answered ${answer.status}`);
      if (answer.body.history.length < entries) throw new Error(`${answer.body.history.length} so far`);
      return answer.body;
    });
  }

  async function parkedRows(code: string) {
    const { rows } = await context.db.query(
      `SELECT event_id, voucher_code_masked, event_type, reason_class, rule, message, source_topic, source_partition,
         source_offset::text AS source_offset, parked_at
       FROM registry_parked_event WHERE voucher_code_hash = $1 ORDER BY source_offset`, [hashVoucherCode(code)]);
    return rows;
  }

  function deadLetters(code: string, count: number) {
    return readRecords(voucherDeadLetterTopic(context.bridge.environment), count, (record) => record.key === code);
  }

  /** Rules visible everywhere an operator or the shop looks: history, parked table, dead-letter headers. */
  async function expectParked(code: string, rules: string[]) {
    const parked = await eventually('parked rows', async () => {
      const rows = await parkedRows(code);
      if (rows.length < rules.length) throw new Error(`${rows.length} parked so far`);
      return rows;
    });
    expect(parked.map((row) => row.rule)).toEqual(rules);
    for (const row of parked) {
      expect(row).toMatchObject({ voucher_code_masked: maskVoucherCode(code), reason_class: 'rule-violation', source_topic: context.bridge.topic });
      expect(row.message).not.toContain(code);
    }
    const letters = await deadLetters(code, rules.length);
    expect(letters.map((letter) => letter.headers['dead-letter-reason']).sort()).toEqual([...rules].sort());
    // Each dead letter matches its parked row (paired by event id: the order two letters of one
    // batch reach the dead-letter topic in is not part of the contract).
    for (const letter of letters) {
      const row = parked.find((candidate) => candidate.event_id === JSON.parse(letter.value).eventId);
      expect(row).toBeDefined();
      expect(letter.headers).toMatchObject({
        'dead-letter-reason-class': 'rule-violation',
        'dead-letter-reason': row.rule,
        'dead-letter-detail': row.message,
        'source-topic': context.bridge.topic,
        'source-partition': String(row.source_partition),
        'source-offset': row.source_offset,
        'dead-lettered-at': row.parked_at.toISOString(),
      });
    }
    return parked;
  }

  it('redemptions lower the balance; INSUFFICIENT_FUNDS, MISMATCHING_CURRENCY, VOUCHER_FULLY_REDEEMED are refused and the partition moves on', async () => {
    const { code, eventId } = await purchased();
    const events = [redemption(code, 1000), redemption(code, 4001), redemption(code, 100, { currency: 'CHF' }),
      redemption(code, 4000), redemption(code, 1)];
    await produceEvents(context.bridge, events);

    const voucher = await lookedUpWithHistory(code, 6);
    expect(voucher).toMatchObject({ status: 'redeemed', balance: 0, currency: 'EUR' });
    expect(voucher.history).toEqual([
      expect.objectContaining({ eventId, type: 'voucher.purchased', outcome: 'applied', sequence: 1, amount: { value: 5000, currency: 'EUR' }, balanceAfter: 5000 }),
      { eventId: events[0].eventId, type: 'voucher.redeemed', store: 'store-042', cashbox: 'box-7', occurredAt: new Date(events[0].occurredAt).toISOString(),
        outcome: 'applied', sequence: 2, amount: { value: 1000, currency: 'EUR' }, balanceAfter: 4000 },
      { eventId: events[1].eventId, type: 'voucher.redeemed', store: 'store-042', cashbox: 'box-7', occurredAt: new Date(events[1].occurredAt).toISOString(),
        outcome: 'refused', rule: 'INSUFFICIENT_FUNDS', amount: { value: 4001, currency: 'EUR' }, balanceAfter: 4000 },
      expect.objectContaining({ eventId: events[2].eventId, outcome: 'refused', rule: 'MISMATCHING_CURRENCY', amount: { value: 100, currency: 'CHF' } }),
      expect.objectContaining({ eventId: events[3].eventId, outcome: 'applied', sequence: 3, balanceAfter: 0 }),
      expect.objectContaining({ eventId: events[4].eventId, outcome: 'refused', rule: 'VOUCHER_FULLY_REDEEMED', balanceAfter: 0 }),
    ]);
    expect(voucher.history[2]).not.toHaveProperty('sequence');

    const parked = await expectParked(code, ['INSUFFICIENT_FUNDS', 'MISMATCHING_CURRENCY', 'VOUCHER_FULLY_REDEEMED']);
    expect(parked.map((row) => row.event_id)).toEqual([events[1].eventId, events[2].eventId, events[4].eventId]);
    // The redemption after two parked events was applied, and the offset moved past all of them.
    const partition = parked[0].source_partition as number;
    await eventually('offset committed past the parked events', async () => {
      const committed = (await committedOffsets(context.bridge.groupId, context.bridge.topic)).get(partition) ?? -1;
      if (committed <= Number(parked[2].source_offset)) throw new Error(`committed ${committed}`);
    });
  });

  it('a cancellation is irreversible: VOUCHER_CANCELLED for a redemption and for a second cancellation', async () => {
    const { code } = await purchased();
    const events = [cancellation(code), redemption(code, 100), cancellation(code)];
    await produceEvents(context.bridge, events);

    const voucher = await lookedUpWithHistory(code, 4);
    expect(voucher).toMatchObject({ status: 'cancelled', balance: 5000 });
    expect(voucher.history.slice(1)).toEqual([
      expect.objectContaining({ eventId: events[0].eventId, type: 'voucher.cancelled', outcome: 'applied', sequence: 2, amount: null, balanceAfter: 5000 }),
      expect.objectContaining({ eventId: events[1].eventId, type: 'voucher.redeemed', outcome: 'refused', rule: 'VOUCHER_CANCELLED' }),
      expect.objectContaining({ eventId: events[2].eventId, type: 'voucher.cancelled', outcome: 'refused', rule: 'VOUCHER_CANCELLED' }),
    ]);
    await expectParked(code, ['VOUCHER_CANCELLED', 'VOUCHER_CANCELLED']);
  });

  it('VOUCHER_EXPIRED: judged by the redemption\'s redeemedAt, not by when it is handled', async () => {
    const { code } = await purchased({ purchasedAt: '2024-01-01T10:00:00+01:00', expiresAt: '2025-01-01T00:00:00+01:00' });
    const events = [redemption(code, 1000, { redeemedAt: '2024-12-31T23:59:59+01:00' }), redemption(code, 1000, { redeemedAt: '2025-01-01T00:00:00+01:00' })];
    await produceEvents(context.bridge, events);

    const voucher = await lookedUpWithHistory(code, 3);
    expect(voucher).toMatchObject({ status: 'expired', balance: 4000 });
    expect(voucher.history.slice(1)).toEqual([
      expect.objectContaining({ outcome: 'applied', sequence: 2, balanceAfter: 4000 }),
      expect.objectContaining({ outcome: 'refused', rule: 'VOUCHER_EXPIRED', balanceAfter: 4000 }),
    ]);
    await expectParked(code, ['VOUCHER_EXPIRED']);
  });

  it('PURCHASE_CONFLICT: a second purchase with other data is parked; the same data with a new event id changes nothing', async () => {
    const { body, code } = await purchased();
    const conflicting = purchaseEventOf({ ...body, amount: { value: 9999, currency: 'EUR' } });
    const repeated = purchaseEventOf({ ...body, purchasedAt: new Date(body.purchasedAt).toISOString() });
    const after = redemption(code, 500);
    await produceEvents(context.bridge, [conflicting, repeated, after]);

    const voucher = await lookedUpWithHistory(code, 3);
    expect(voucher).toMatchObject({ status: 'active', balance: 4500 });
    expect(voucher.history.slice(1)).toEqual([
      expect.objectContaining({ eventId: conflicting.eventId, type: 'voucher.purchased', outcome: 'refused', rule: 'PURCHASE_CONFLICT', balanceAfter: 5000 }),
      expect.objectContaining({ eventId: after.eventId, outcome: 'applied', sequence: 2, balanceAfter: 4500 }),
    ]);
    await expectParked(code, ['PURCHASE_CONFLICT']);
    // The repeat is remembered as handled, and nothing else.
    const { rows } = await context.db.query('SELECT count(*)::int AS n FROM registry_processed_event WHERE event_id = $1', [repeated.eventId]);
    expect(rows[0].n).toBe(1);
  });

  it('UNKNOWN_VOUCHER: events for a voucher never purchased are parked, and show in its history once it is bought', async () => {
    const code = newVoucherCode();
    const events = [redemption(code, 100), cancellation(code)];
    await produceEvents(context.bridge, events);
    await expectParked(code, ['UNKNOWN_VOUCHER', 'UNKNOWN_VOUCHER']);
    expect((await lookUp(context.bridge, code)).status).toBe(404);

    await purchased({ voucherCode: code });
    const voucher = await lookedUpWithHistory(code, 3);
    expect(voucher).toMatchObject({ status: 'active', balance: 5000 });
    expect(voucher.history.map((entry: { outcome: string; rule?: string; sequence?: number }) => [entry.outcome, entry.rule ?? entry.sequence]))
      .toEqual([['refused', 'UNKNOWN_VOUCHER'], ['refused', 'UNKNOWN_VOUCHER'], ['applied', 1]]);
  });

  it('an event delivered twice changes nothing the second time', async () => {
    const { code } = await purchased();
    const once = redemption(code, 1000);
    await produceEvents(context.bridge, [once, once]);
    await produceEvents(context.bridge, [once, redemption(code, 1)]);

    const voucher = await lookedUpWithHistory(code, 3);
    expect(voucher).toMatchObject({ balance: 3999 });
    expect(voucher.history.map((entry: { sequence: number }) => entry.sequence)).toEqual([1, 2, 3]);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect((await lookUp(context.bridge, code)).body.history).toHaveLength(3);
    const metrics = await (await fetch(`${context.bridge.connector.baseUrl}/metrics`)).text();
    expect(metrics).toMatch(/voucher_events_handled_total\{[^}]*outcome="redelivered"[^}]*\} [2-9]/);
    expect(metrics).toMatch(/voucher_events_handled_total\{[^}]*outcome="parked"[^}]*rule="INSUFFICIENT_FUNDS"[^}]*\} [1-9]/);
    expect(metrics).not.toContain(code);
  });

  // Last: it replays every event the tests above produced.
  it('a replay of the whole topic (another consumer group from the beginning) changes nothing', async () => {
    const { bridge, db } = context;
    const deadLetterTopic = voucherDeadLetterTopic(bridge.environment);
    // Records, not offsets: the relay's transactions put commit markers on the topic, which take
    // offsets but are no records, so the end offsets overstate what a consumer ever handles.
    const handledBy = async (app: AppProcess) => handledTotal(await (await fetch(`${app.baseUrl}/metrics`)).text());
    let handledFirst = -1;
    await eventually('everything handled once (the count stable for a second)', async () => {
      const now = await handledBy(bridge.connector);
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      if (now === 0 || (await handledBy(bridge.connector)) !== now) throw new Error(`${now} handled so far`);
      handledFirst = now;
    });
    const registry = async () => (await db.query(`SELECT
        (SELECT json_agg(v ORDER BY voucher_code_hash) FROM registry_voucher v) AS vouchers,
        (SELECT json_agg(h ORDER BY voucher_code_hash, id) FROM registry_voucher_history h) AS history,
        (SELECT json_agg(p ORDER BY event_id) FROM registry_parked_event p) AS parked,
        (SELECT count(*)::int FROM registry_processed_event) AS processed`)).rows[0];
    const before = await registry();
    const deadLettersBefore = await topicEndTotal(deadLetterTopic);

    const replay = new AppProcess('eshop-connector', await freePort(), { ...bridge.env, CONNECTOR_GROUP_ID: `${bridge.environment}.replay` });
    try {
      await replay.start();
      await eventually('the replay to reach the end', async () => {
        const replayed = await handledBy(replay);
        if (replayed < handledFirst) throw new Error(`${replayed} of ${handledFirst}`);
      });
      expect(await registry()).toEqual(before);
      expect(await topicEndTotal(deadLetterTopic)).toBe(deadLettersBefore);
      // Every record the first connector handled is redelivered to the replay, and only redelivered.
      const metrics = await (await fetch(`${replay.baseUrl}/metrics`)).text();
      expect(metrics).toMatch(new RegExp(`voucher_events_handled_total\\{[^}]*outcome="redelivered"[^}]*\\} ${handledFirst}\\b`));
      expect(metrics).not.toMatch(/outcome="(applied|parked)"/);
    } finally {
      await replay.stop();
    }
  });
});

/** Every record a connector handled, whatever the outcome, from its /metrics text. */
function handledTotal(metrics: string): number {
  return [...metrics.matchAll(/^voucher_events_handled_total\{[^}]*\} (\d+)$/gm)].reduce((sum, match) => sum + Number(match[1]), 0);
}
