import { postJson } from '../support/http';
import { fitsPinnedNode, pinnedNodeVersion, reportedNodeVersion } from '../support/pinned-node';
import { eventuallyRegistered, lookUp, newVoucherCode, postPurchase, purchaseBody } from '../support/purchases';
import { useBridge } from '../support/use-bridge';
import { EVENT_ID_V7 } from '../support/voucher-events';

describe('a voucher bought at a cashbox is accepted by the web shop', () => {
  const context = useBridge();

  it('travels from POST /v1/voucher-purchases through Kafka to the lookup', async () => {
    const body = purchaseBody();
    const accepted = await postPurchase(context.bridge, body);
    expect(accepted.status).toBe(202);
    // Event ids are time-ordered UUIDs (version 7; see newEventId in the contract library).
    expect(accepted.body).toEqual({ eventId: expect.stringMatching(EVENT_ID_V7), status: 'accepted' });

    const voucher = await eventuallyRegistered(context.bridge, body.voucherCode);
    expect(voucher).toEqual({
      voucherCode: `****${body.voucherCode.slice(-4)}`,
      status: 'active',
      balance: 5000,
      currency: 'EUR',
      issuedAt: '2026-11-21T10:15:00.000Z',
      expiresAt: '2029-11-21T22:59:59.000Z',
      history: [{
        eventId: accepted.body.eventId,
        type: 'voucher.purchased',
        store: 'store-042',
        cashbox: 'box-7',
        occurredAt: expect.stringMatching(/^2\d{3}-.*Z$/),
        outcome: 'applied',
        sequence: 1,
        amount: { value: 5000, currency: 'EUR' },
        balanceAfter: 5000,
      }],
    });
  });

  it('answers a cashbox retry of the same purchase with the original event id', async () => {
    const body = purchaseBody();
    const first = await postPurchase(context.bridge, body);
    const retry = await postPurchase(context.bridge, body);
    expect(first.status).toBe(202);
    expect(retry.status).toBe(202);
    expect(retry.body.eventId).toBe(first.body.eventId);
  });

  it('refuses a voucher code already sold on another receipt with 409', async () => {
    const body = purchaseBody();
    expect((await postPurchase(context.bridge, body)).status).toBe(202);
    const conflict = await postPurchase(context.bridge, { ...body, receiptNumber: 'R-OTHER' });
    expect(conflict.status).toBe(409);
    expect(conflict.contentType).toContain('application/problem+json');
    expect(conflict.body).toMatchObject({ status: 409, field: 'voucherCode' });
  });

  it('answers an unknown voucher with 404 problem+json', async () => {
    const answer = await lookUp(context.bridge, newVoucherCode());
    expect(answer.status).toBe(404);
    expect(answer.contentType).toContain('application/problem+json');
    expect(answer.body).toMatchObject({ status: 404, title: 'Voucher not found' });
  });

  it('never takes a voucher code in the URL', async () => {
    const answer = await fetch(`${context.bridge.connector.baseUrl}/v1/voucher-lookups/GIFT-0000-0000`);
    expect(answer.status).toBe(404);
    const invalid = await lookUp(context.bridge, 'x');
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors.map((e: { field: string }) => e.field)).toEqual(['voucherCode']);
  });

  it('reports both apps ready with the database and Kafka up', async () => {
    for (const app of [context.bridge.gateway, context.bridge.connector]) {
      const response = await fetch(`${app.baseUrl}/health/ready`);
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ status: 'ok', info: { database: { status: 'up' }, kafka: { status: 'up' } } });
    }
  });

  it('exposes Prometheus metrics of what was accepted, relayed and registered', async () => {
    const body = purchaseBody();
    await postPurchase(context.bridge, body);
    await eventuallyRegistered(context.bridge, body.voucherCode);

    const gateway = await (await fetch(`${context.bridge.gateway.baseUrl}/metrics`)).text();
    expect(gateway).toMatch(/voucher_purchases_total\{[^}]*outcome="accepted"[^}]*\} [1-9]/);
    expect(gateway).toMatch(/outbox_relayed_messages_total\{app="cashbox-gateway"\} [1-9]/);
    expect(gateway).toMatch(/outbox_unsent_messages\{app="cashbox-gateway"\} 0/);
    expect(gateway).toMatch(/outbox_oldest_unsent_age_seconds\{app="cashbox-gateway"\} 0/);
    expect(gateway).toMatch(/outbox_publish_seconds_count\{[^}]*\} [1-9]/);
    expect(gateway).toMatch(/outbox_event_publish_delay_seconds_count\{[^}]*\} [1-9]/);
    expect(gateway).toContain('outbox_publish_errors_total');
    const connector = await (await fetch(`${context.bridge.connector.baseUrl}/metrics`)).text();
    expect(connector).toMatch(/voucher_events_handled_total\{[^}]*outcome="applied"[^}]*\} [1-9]/);
    expect(connector).not.toContain(body.voucherCode);
  });

  it('runs both apps on the pinned Node.js LTS, not on whatever node the test runner found', async () => {
    for (const app of [context.bridge.gateway, context.bridge.connector]) {
      const node = reportedNodeVersion(await (await fetch(`${app.baseUrl}/metrics`)).text());
      expect({ app: app.name, node, fits: fitsPinnedNode(node) }).toEqual({ app: app.name, node, fits: true });
      expect(node?.split('.')[0]).toBe(pinnedNodeVersion().split('.')[0]);
    }
  });
});
