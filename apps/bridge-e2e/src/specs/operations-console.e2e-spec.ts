import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { CreatedKey, createOperatorKey } from '../support/admin-cli';
import { eventually } from '../support/eventually';
import { HeadlessBrowser, launchHeadlessChromium } from '../support/headless-browser';
import { bearer, getJson, postJson } from '../support/http';
import { produce } from '../support/kafka-client';
import { eventuallyRegistered, newVoucherCode, postPurchase, purchaseBody } from '../support/purchases';
import { ROOT } from '../support/test-environment';
import { createSubscription, deleteSubscriptions } from '../support/subscriptions';
import { useBridge } from '../support/use-bridge';
import { WebhookReceiver } from '../support/webhook-receiver';

describe('operations console: a real headless Chromium shows live figures, replays (dry run first) and traces a voucher', () => {
  const context = useBridge();
  let operator: CreatedKey;
  let browser: HeadlessBrowser;
  let page: Page;
  /** Every URL the page requested: a key or a voucher code must never be in one. */
  const requested: string[] = [];

  const url = (path: string) => `${context.bridge.connector.baseUrl}${path}`;
  const figure = async (id: string) => Number((await page.locator(`#${id}`).textContent())?.replace(/[^0-9]/g, ''));

  beforeAll(async () => {
    operator = await createOperatorKey('console e2e');
    browser = await launchHeadlessChromium();
    page = await browser.context.newPage();
    page.on('request', (request) => requested.push(request.url()));
    // The page asks before a real replay or a discard.
    page.on('dialog', (dialog) => void dialog.accept());
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('serves the page with a strict content security policy; its endpoints need an operator key and a valid code', async () => {
    const response = await fetch(url('/console'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await response.text()).toContain('/console/console.js');
    expect((await fetch(url('/console/console.js'))).headers.get('content-type')).toContain('javascript');

    const none = await getJson(url('/v1/operations/overview'));
    expect(none.status).toBe(401);
    expect(none.contentType).toContain('application/problem+json');
    expect((await getJson(url('/v1/operations/overview'), bearer(context.bridge.shopKey.secret))).status).toBe(403);
    expect((await postJson(url('/v1/operations/voucher-traces'), { voucherCode: newVoucherCode() }, bearer(context.bridge.shopKey.secret))).status).toBe(403);
    const bad = await postJson(url('/v1/operations/voucher-traces'), { voucherCode: 'no' }, bearer(operator.secret));
    expect(bad.status).toBe(400);
    expect(bad.contentType).toContain('application/problem+json');
    expect(bad.body.errors.map((error: { field: string }) => error.field)).toEqual(['voucherCode']);
    const unknown = await postJson(url('/v1/operations/voucher-traces'), { voucherCode: newVoucherCode() }, bearer(operator.secret));
    expect(unknown.status).toBe(404);
    expect(unknown.body.field).toBe('voucherCode');
  });

  it('opens with the operator key typed in once, shows both apps up and moves the figures when a purchase arrives, without a reload', async () => {
    await page.goto(url('/console'));
    await page.locator('#login-key').fill(operator.secret);
    await page.locator('#login-form button[type=submit]').click();
    await page.locator('#tab-overview').waitFor({ state: 'visible' });
    await page.locator('[data-app="cashbox-gateway"].up').waitFor();
    await page.locator('[data-app="eshop-connector"].up').waitFor();
    await page.locator('#per-minute-accepted', { hasText: /\d/ }).waitFor();
    expect(await page.evaluate(() => sessionStorage.length)).toBe(1);

    // The figures count the last 60 s of the whole (shared) database: once earlier specs' events
    // have left that window, the only way up is this spec's purchase.
    await eventually('a minute without events', async () => {
      const { body } = await getJson(url('/v1/operations/overview'), bearer(operator.secret));
      expect(body.perMinute).toMatchObject({ accepted: 0, registered: 0 });
    }, 480);
    await eventually('the page to show the quiet minute', async () => {
      expect(await figure('per-minute-accepted')).toBe(0);
      expect(await figure('per-minute-registered')).toBe(0);
    });
    const body = purchaseBody();
    expect((await postPurchase(context.bridge, body)).status).toBe(202);
    await eventuallyRegistered(context.bridge, body.voucherCode);
    const navigations = requested.filter((requestUrl) => requestUrl.endsWith('/console')).length;
    await eventually('the figures to move', async () => {
      expect(await figure('per-minute-accepted')).toBeGreaterThan(0);
      expect(await figure('per-minute-registered')).toBeGreaterThan(0);
    });
    // Live: the page polled; it was not loaded again.
    expect(requested.filter((requestUrl) => requestUrl.endsWith('/console')).length).toBe(navigations);
    expect(await page.locator('#lag-rows tr').count()).toBeGreaterThan(0);
  });

  it('replays a parked record from the page, a dry run first, and the audit shows both', async () => {
    const code = newVoucherCode();
    await produce(context.bridge.topic, [{ key: code, value: randomBytes(48) }]);
    const masked = `****${code.slice(-4)}`;
    const parked = await eventually('the garbage record to be parked', async () => {
      const { body } = await getJson(url('/v1/dead-letters?kind=record&reason=malformed-json&limit=500'), bearer(operator.secret));
      const found = body.items.find((item: { voucherCode: string }) => item.voucherCode === masked);
      if (!found) throw new Error('not parked yet');
      return found as { id: string };
    });

    await page.locator('#tabs button[data-tab="dead-letters"]').click();
    await page.locator('#dl-filter select[name="kind"]').selectOption('record');
    await page.locator('#dl-filter input[name="reason"]').fill('malformed-json');
    await page.locator('#dl-filter button[type=submit]').click();
    const row = page.locator(`#dl-rows tr[data-id="${parked.id}"]`);
    await row.waitFor();
    expect(await row.textContent()).toContain(masked);
    await row.locator('input[type=checkbox]').check();
    expect(await page.locator('#dl-replay').isDisabled()).toBe(true);
    await page.locator('#dl-dry-run').click();
    await page.locator('#dl-result h3', { hasText: 'Dry run' }).waitFor();
    expect(await page.locator('#dl-result').textContent()).toContain(parked.id);
    await page.locator('#dl-replay:not([disabled])').click();
    await page.locator('#dl-result h3', { hasText: 'Replayed' }).waitFor();
    // Garbage stays garbage: the replay was carried out and parked it again, one attempt more.
    expect(await page.locator('#dl-result').textContent()).toContain(`${parked.id}: parked-again`);
    const after = await getJson(url(`/v1/dead-letters/${parked.id}`), bearer(operator.secret));
    expect(after.body).toMatchObject({ status: 'parked', attempts: 2 });

    const audit = await getJson(url('/v1/operator-audit?limit=20'), bearer(operator.secret));
    const mine = audit.body.items.filter((entry: { apiKey: { id: string }; target: { ids?: string[] } }) =>
      entry.apiKey.id === operator.id && entry.target.ids?.includes(parked.id));
    expect(mine.map((entry: { action: string; dryRun: boolean }) => [entry.action, entry.dryRun])).toEqual([
      ['dead-letters.replay', false],
      ['dead-letters.replay', true],
    ]);
    await page.locator('#tabs button[data-tab="audit"]').click();
    await page.locator('#audit-rows tr', { hasText: parked.id }).first().waitFor();
  });

  it('traces a voucher entered in a form: store, partition and offset, sequence and balance, delivery; the code never in a URL', async () => {
    const receiver = new WebhookReceiver();
    await receiver.start();
    const subscription = await createSubscription(context.bridge, { url: receiver.url, eventTypes: ['voucher.purchased'] });
    const body = purchaseBody();
    let event: any;
    try {
      expect((await postPurchase(context.bridge, body)).status).toBe(202);
      await eventuallyRegistered(context.bridge, body.voucherCode);
      event = await eventually('the purchase to be traced as delivered', async () => {
        const trace = await postJson(url('/v1/operations/voucher-traces'), { voucherCode: body.voucherCode }, bearer(operator.secret));
        expect(trace.status).toBe(200);
        expect(trace.body).toMatchObject({ voucherCode: `****${body.voucherCode.slice(-4)}`, voucher: { balance: 5000, currency: 'EUR' } });
        expect(JSON.stringify(trace.body)).not.toContain(body.voucherCode);
        const [traced] = trace.body.events;
        expect(traced).toMatchObject({
          type: 'voucher.purchased', accepted: { store: 'store-042', cashbox: 'box-7', receiptNumber: body.receiptNumber },
          published: { topic: context.bridge.topic }, registered: { outcome: 'applied', sequence: 1, balanceAfter: 5000 },
        });
        // Other specs' subscriptions may be in the shared test database too: this spec's own one.
        expect(traced.deliveries.filter((d: { subscriptionId: string }) => d.subscriptionId === subscription.id))
          .toEqual([expect.objectContaining({ url: receiver.url, status: 'delivered', attempts: 1, lastStatus: 204 })]);
        return traced;
      });
    } finally {
      await deleteSubscriptions(context.bridge, [subscription.id]);
      await receiver.stop();
    }
    expect(receiver.received.map((push) => push.json.id)).toContain(event.eventId);

    await page.locator('#tabs button[data-tab="trace"]').click();
    await page.locator('#trace-code').fill(body.voucherCode);
    await page.locator('#trace-form button[type=submit]').click();
    const shown = page.locator(`#trace-result [data-event="${event.eventId}"]`);
    await shown.waitFor();
    const text = await shown.textContent();
    expect(text).toContain(`partition ${event.published.partition} offset ${event.published.offset}`);
    expect(text).toContain('sequence 1, balance 50.00 EUR');
    expect(text).toContain('store-042 / box-7');
    expect(text).toContain(`${receiver.url}: delivered after 1 attempt(s)`);
    expect(requested.length).toBeGreaterThan(0);
    for (const requestUrl of requested) {
      expect(requestUrl).not.toContain(body.voucherCode);
      expect(requestUrl).not.toContain(operator.secret);
    }
  });

  it('fits a phone screen, and leaves a screenshot of the overview for the README', async () => {
    await page.locator('#tabs button[data-tab="overview"]').click();
    // The last errors (this spec's parked record, or newer ones of other specs in the shared database).
    await page.locator('#error-rows tr td:not(.muted)').first().waitFor();
    await mkdir(join(ROOT, 'docs'), { recursive: true });
    await page.screenshot({ path: join(ROOT, 'docs/console.png'), fullPage: true });

    await page.setViewportSize({ width: 390, height: 844 });
    // Evaluated in the page (a string: the spec is compiled without the DOM's types).
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  /** The built admin tool, as an operator runs it, with `input` on its stdin. */
  function cli(args: string[], env: Record<string, string>, input = ''): Promise<{ code: number; stdout: string; stderr: string }> {
    return new Promise((resolve) => {
      const child = execFile(process.execPath, [join(ROOT, 'dist/apps/bridge-admin/src/main.js'), ...args], { env: { ...process.env, ...env } },
        (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }));
      child.stdin?.end(input);
    });
  }

  it('the command-line tool shows the same overview and trace, as tables or --json; the code comes from stdin only', async () => {
    const env = { BRIDGE_OPERATOR_KEY: operator.secret };
    const connector = ['--url', context.bridge.connector.baseUrl];
    const overview = await cli(['overview', '--json', ...connector], env);
    expect(overview).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(overview.stdout)).toMatchObject({ apps: [{ name: 'cashbox-gateway', status: 'up' }, { name: 'eshop-connector', status: 'up' }] });
    const table = await cli(['overview', ...connector], env);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/cashbox-gateway\s+up/);
    expect(table.stdout).toContain('accepted');

    const body = purchaseBody();
    expect((await postPurchase(context.bridge, body)).status).toBe(202);
    await eventuallyRegistered(context.bridge, body.voucherCode);
    const traced = await cli(['trace', '--json', ...connector], env, `${body.voucherCode}\n`);
    expect(traced.code).toBe(0);
    const trace = JSON.parse(traced.stdout);
    expect(trace.events[0]).toMatchObject({ type: 'voucher.purchased', registered: { sequence: 1, balanceAfter: 5000 } });
    const readable = await cli(['trace', ...connector], env, `${body.voucherCode}\n`);
    expect(readable.code).toBe(0);
    expect(readable.stdout).toContain(`${context.bridge.topic}[${trace.events[0].published.partition}]@${trace.events[0].published.offset}`);
    expect(readable.stdout).not.toContain(body.voucherCode);
    const asArgument = await cli(['trace', body.voucherCode, ...connector], env);
    expect(asArgument.code).toBe(2);
    expect(asArgument.stderr).toContain('stdin');
    const shopKey = await cli(['overview', ...connector], { BRIDGE_OPERATOR_KEY: context.bridge.shopKey.secret });
    expect(shopKey.code).toBe(1);
    expect(shopKey.stderr).toContain('403');
  });

  it('the command-line tool creates, lists, rotates and deletes subscriptions with the shop\'s key', async () => {
    const env = { BRIDGE_SHOP_KEY: context.bridge.shopKey.secret };
    const connector = ['--connector', context.bridge.connector.baseUrl];
    const endpoint = 'http://127.0.0.1:8099/voucher-events';
    const created = await cli(['subscriptions', 'create', '--url', endpoint, '--event-types', 'voucher.purchased', '--json', ...connector], env);
    expect(created).toMatchObject({ code: 0, stderr: '' });
    const [{ id, secret }] = JSON.parse(created.stdout);
    expect(secret).toMatch(/^whsec_/);
    const listed = await cli(['subscriptions', 'list', ...connector], env);
    expect(listed.stdout).toMatch(new RegExp(`${id}\\s+${endpoint}\\s+voucher.purchased\\s+active`));
    const rotated = await cli(['subscriptions', 'rotate-secret', id, '--json', ...connector], env);
    expect(rotated.code).toBe(0);
    expect(JSON.parse(rotated.stdout)[0].secret).not.toBe(secret);
    expect((await cli(['subscriptions', 'delete', id, ...connector], env)).code).toBe(0);
    const after = await cli(['subscriptions', 'list', '--json', ...connector], env);
    expect(JSON.parse(after.stdout).map((subscription: { id: string }) => subscription.id)).not.toContain(id);
    const invalid = await cli(['subscriptions', 'create', '--url', 'http://169.254.169.254/x', ...connector], env);
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toContain('url');
  });
});
