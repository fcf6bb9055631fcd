import { setTimeout as delay } from 'node:timers/promises';
import { countRows } from '../support/database';
import { lookupFuzzCases, purchaseFuzzCases } from '../support/fuzz/fuzz-bodies';
import { judgeAnswer } from '../support/fuzz/judge-answer';
import { logRecords } from '../support/log-lines';
import { bearer, postJson } from '../support/http';
import { useBridge } from '../support/use-bridge';

// Fixed: the same bodies every run. Change it to explore; a failure names the case to replay.
const SEED = 0x20261125;
const CASES_PER_ENDPOINT = 300;

describe('fuzzed bodies: never a 5xx, always a problem, nothing written, one log line at most', () => {
  const context = useBridge();

  // Lookups first: the registry must not be filling up from the purchases meanwhile.
  it.each([
    { endpoint: 'POST /v1/voucher-lookups', app: 'connector', cases: lookupFuzzCases(SEED, CASES_PER_ENDPOINT), tables: ['registry_voucher'] },
    { endpoint: 'POST /v1/voucher-purchases', app: 'gateway', cases: purchaseFuzzCases(SEED, CASES_PER_ENDPOINT), tables: ['gateway_purchase', 'gateway_outbox'] },
  ] as const)('$endpoint', async ({ endpoint, app: appKey, cases, tables }) => {
    const app = context.bridge[appKey];
    const url = app.baseUrl + endpoint.split(' ')[1];
    const rows = () => Promise.all(tables.map((table) => countRows(context.db, table)));
    // The bodies come with the cashbox's or the shop's key, so validation (not a 401) answers them.
    const headers = bearer(appKey === 'gateway' ? context.bridge.cashboxKey.secret : context.bridge.shopKey.secret);
    const logFrom = app.log.length;
    const faults: string[] = [];
    let rejected = 0;

    for (const fuzz of cases) {
      const before = await rows();
      const answer = await postJson(url, fuzz.body, headers);
      faults.push(...judgeAnswer(fuzz, answer, before, await rows()));
      if (answer.status >= 400) rejected++;
    }
    await delay(500); // for the app's last lines to come through the pipe

    expect(faults).toEqual([]);
    expect(rejected).toBeGreaterThan(cases.length / 2);
    // JSON lines: a stack trace would be inside one, as `err.stack` or in the message.
    const records = logRecords(app.log.slice(logFrom));
    expect(records.filter((record) => record.err !== undefined || /\n\s+at /.test(record.msg ?? ''))).toEqual([]);
    expect(records.length).toBeLessThanOrEqual(rejected);
  });
});
