import { setTimeout as delay } from 'node:timers/promises';
import { DatabaseOutage } from '../support/database-outage';
import { eventually } from '../support/eventually';
import { logRecords } from '../support/log-lines';
import { eventuallyRegistered, postPurchase, purchaseBody } from '../support/purchases';
import { steadyLoad } from '../support/steady-load';
import { useBridge } from '../support/use-bridge';

describe('PostgreSQL away under load: 503 problems with Retry-After, never a 500, and back to 202 after', () => {
  const context = useBridge();

  it('answers every request in flight or arriving during the outage with a retryable 503', async () => {
    const { gateway, connector } = context.bridge;
    const logFrom = { gateway: gateway.log.length, connector: connector.log.length };
    const load = steadyLoad(context.bridge);
    await delay(1_000);
    const before = load.answers.length;

    const outage = new DatabaseOutage();
    try {
      await outage.begin();
      for (let i = 0; i < 10; i++) {
        await delay(300);
        await outage.dropConnections();
      }
    } finally {
      await outage.end();
    }
    const during = load.answers.slice(before);

    // A cashbox retrying after Retry-After gets through again.
    await eventually('a purchase to be accepted again', async () => {
      const answer = await postPurchase(context.bridge, purchaseBody());
      if (answer.status !== 202) throw new Error(`answered ${answer.status}`);
    });
    await delay(500);
    await load.stop();

    const statuses = new Set(load.answers.map((a) => a.status));
    expect([...statuses].sort()).toEqual(expect.arrayContaining([202, 503]));
    expect([...statuses].filter((s) => ![202, 404, 503].includes(s))).toEqual([]);
    const unavailable = load.answers.filter((a) => a.status === 503);
    expect(unavailable.filter((a) => !a.contentType.startsWith('application/problem+json') || !/^[1-9]\d*$/.test(a.retryAfter ?? ''))).toEqual([]);
    expect(new Set(unavailable.map((a) => a.endpoint))).toEqual(new Set(['purchase', 'lookup']));
    expect(during.filter((a) => a.status === 503).length).toBeGreaterThan(10);
    expect(load.answers.slice(-20).map((a) => a.status)).not.toContain(503);

    // One warning per kind of outage at most, not one line (or stack trace) per request.
    for (const [app, from] of [[gateway, logFrom.gateway], [connector, logFrom.connector]] as const) {
      const warnings = logRecords(app.log.slice(from)).filter((record) => record.context === 'ProblemDetailsFilter');
      expect(warnings.length).toBeGreaterThan(0);
      expect(warnings.length).toBeLessThanOrEqual(6);
      expect(warnings.every((record) => record.level === 'warn' && record.msg?.includes('503'))).toBe(true);
    }
  });

  it('carries a purchase accepted after the outage through to the web shop', async () => {
    const body = purchaseBody();
    expect((await postPurchase(context.bridge, body)).status).toBe(202);
    expect(await eventuallyRegistered(context.bridge, body.voucherCode)).toMatchObject({ status: 'active', balance: 5000 });
  });
});
