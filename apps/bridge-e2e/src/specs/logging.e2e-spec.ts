import { randomBytes } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { Answer, bearer, postJson } from '../support/http';
import { logRecords } from '../support/log-lines';
import { lookUp, purchaseBody } from '../support/purchases';
import { useBridge } from '../support/use-bridge';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('logs: JSON lines with request ids, never a voucher code or a key', () => {
  // debug: one access line per answered request, so every request has lines to check.
  const context = useBridge({ LOG_LEVEL: 'debug' });

  it('keeps secrets out, and ties every line of a request to its id', async () => {
    const { gateway, connector, cashboxKey } = context.bridge;
    const url = `${gateway.baseUrl}/v1/voucher-purchases`;
    const foreignSecret = `vbk_cashbox_${randomBytes(32).toString('base64url')}`;
    const valid = purchaseBody();
    const invalid = purchaseBody({ amount: { value: -1, currency: 'EUR' } });
    const unkeyed = purchaseBody();
    const wrongKey = purchaseBody();
    const codes = [valid, invalid, unkeyed, wrongKey].map((body) => body.voucherCode);
    const from = { gateway: gateway.log.length, connector: connector.log.length };

    const answers: Record<string, Answer> = {
      accepted: await postJson(url, valid, { ...bearer(cashboxKey.secret), 'x-request-id': 'till-7.sale-42', 'idempotency-key': randomBytes(8).toString('hex') }),
      retried: await postJson(url, valid, bearer(cashboxKey.secret)),
      invalid: await postJson(url, invalid, bearer(cashboxKey.secret)),
      unkeyed: await postJson(url, unkeyed, { 'x-request-id': 'has spaces, so not kept' }),
      wrongKey: await postJson(url, wrongKey, bearer(foreignSecret)),
      lookup: await lookUp(context.bridge, valid.voucherCode),
    };
    await delay(500); // for the apps' last lines to come through the pipe

    expect(Object.fromEntries(Object.entries(answers).map(([name, answer]) => [name, answer.status]))).toEqual({
      accepted: 202, retried: 202, invalid: 400, unkeyed: 401, wrongKey: 401, lookup: expect.any(Number),
    });
    // A well-formed incoming id is kept; anything else is replaced by a new UUID. Either way it comes back.
    expect(answers.accepted.headers.get('x-request-id')).toBe('till-7.sale-42');
    expect(answers.unkeyed.headers.get('x-request-id')).toMatch(UUID);
    for (const answer of Object.values(answers)) expect(answer.headers.get('x-request-id')).toBeTruthy();

    const text = gateway.log.slice(from.gateway) + connector.log.slice(from.connector);
    for (const code of codes) expect(text).not.toContain(code);
    expect(text).not.toContain(cashboxKey.secret);
    expect(text).not.toContain(foreignSecret);
    expect(text).not.toMatch(/bearer /i);

    // Every line of the run, start-up included, is a JSON object with a level and a time.
    const all = [...logRecords(gateway.log), ...logRecords(connector.log)];
    expect(all.filter((record) => typeof record.level !== 'string' || Number.isNaN(Date.parse(record.time)))).toEqual([]);

    const gatewayLines = logRecords(gateway.log.slice(from.gateway));
    const connectorLines = logRecords(connector.log.slice(from.connector));
    for (const [name, answer] of Object.entries(answers)) {
      const lines = (name === 'lookup' ? connectorLines : gatewayLines).filter((record) => record.reqId === answer.headers.get('x-request-id'));
      // Its access line, and nothing of another request's.
      expect({ name, statuses: lines.map((record) => record.res?.statusCode).filter(Boolean) }).toEqual({ name, statuses: [answer.status] });
    }
    // Where known, a request's lines name the event and the masked code (never the code itself).
    const accepted = gatewayLines.filter((record) => record.reqId === 'till-7.sale-42');
    expect(accepted.every((record) => record.eventId === answers.accepted.body.eventId)).toBe(true);
    expect(accepted.every((record) => record.voucherCodeMasked === `****${valid.voucherCode.slice(-4)}`)).toBe(true);
    const retried = gatewayLines.filter((record) => record.reqId === answers.retried.headers.get('x-request-id'));
    expect(retried.map((record) => record.eventId)).toEqual([answers.accepted.body.eventId]);
  });
});
