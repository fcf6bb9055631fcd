import { setTimeout as delay } from 'node:timers/promises';
import { ChaosOptions } from '../chaos-options';
import { log } from '../chaos-log';
import { ChaosReport, countBy } from '../chaos-report';
import { ChaosStage, setUpStage, tearDownStage } from '../chaos-stage';
import { checkResult } from '../checks/expectations';
import { ParkedItem, PublicApi, forEachLimited } from '../checks/public-api';
import { produceRaw, readTopic } from '../cluster/topic-reader';
import { SeededRandom } from '@voucher-bridge/fuzzing';
import { FuzzRequest, fuzzEndpoints, fuzzRequests } from './fuzz-requests';
import { poisonRecords } from './poison-records';

/** The connector's bound for a failing batch (CONSUMER_POISON_BOUND_MS default), plus slack for this machine. */
const STALL_BOUND_MS = 60_000 + 30_000;

/**
 * Fuzz and poison: fuzzed HTTP requests across every endpoint of both apps (zero 5xx, every 4xx a
 * problem document, no crash), then poison records straight onto the topic (every one parked with
 * its reason; a valid purchase behind them registered within the poison bound).
 */
export async function runFuzz(options: ChaosOptions): Promise<ChaosReport> {
  const started = Date.now();
  const random = new SeededRandom(options.seed);
  let stage: ChaosStage | undefined;
  let passed = false;
  try {
    stage = await setUpStage(options, random);
    const { fleet, keys } = stage;
    const [cashbox, cashboxSecret] = [...keys.cashboxes.entries()][0];
    const [store, box] = cashbox.split('/');
    const requests = fuzzRequests(options.fuzzRequests, random, fuzzEndpoints(store, box), { cashbox: cashboxSecret, shop: keys.shop, operator: keys.operator });
    log(`${requests.length} fuzzed requests across every endpoint of both apps`);
    const serverErrors = checkResult('fuzz: no 5xx answer');
    const problems = checkResult('fuzz: every 4xx is application/problem+json with its status');
    const unanswered = checkResult('fuzz: every request answered');
    const statuses: number[] = [];
    await forEachLimited(requests, 16, async (request) => {
      const base = (request.app === 'gateway' ? fleet.gateways : fleet.connectors)[random.int(0, 1)].url;
      const status = await send(base, request, problems.fail, unanswered.fail);
      if (status) statuses.push(status);
      if (status && status >= 500) serverErrors.fail(`${request.name}: ${status}`);
    });

    log(`${options.poisonRecords} poison records onto ${stage.topic}, then one valid purchase per cashbox behind them`);
    const poisonedAt = Date.now();
    await produceRaw(stage.cluster.brokers, stage.topic, poisonRecords(options.poisonRecords, random, options.seed));
    const canaries = await postCanaries(fleet.gateways[0].url, keys.cashboxes, options.seed);
    const api = new PublicApi(fleet.connectors.map((c) => c.url), keys.shop, keys.operator);
    const poisonOnTopic = (await readTopic(stage.cluster.brokers, stage.topic)).filter((r) => r.key?.startsWith('POISON-'));
    const wanted = new Set(poisonOnTopic.map((r) => `${r.partition}/${r.offset}`));
    let parked: ParkedItem[] = [];
    let stalledMs = NaN;
    while (Date.now() - poisonedAt < STALL_BOUND_MS * 2) {
      parked = await api.parked('record');
      const registered = await Promise.all(canaries.map((code) => api.lookUp(code).then((a) => !!a, () => false)));
      const parkedPoison = parked.filter((p) => wanted.has(sourceOf(p))).length;
      if (parkedPoison === wanted.size && registered.every(Boolean)) {
        stalledMs = Date.now() - poisonedAt;
        break;
      }
      log(`poison: ${parkedPoison}/${wanted.size} parked, ${registered.filter(Boolean).length}/${canaries.length} purchases behind them registered`);
      await delay(2000);
    }
    const poisonParked = checkResult('poison: every poison record parked with its reason');
    const byOffset = new Map(parked.map((p) => [sourceOf(p), p]));
    for (const place of wanted) {
      const item = byOffset.get(place);
      if (!item) poisonParked.fail(`${place}: not parked`);
      else if (!item.reason) poisonParked.fail(`${place}: parked without a reason`);
    }
    if (poisonOnTopic.length !== options.poisonRecords) poisonParked.fail(`${poisonOnTopic.length} of ${options.poisonRecords} poison records found on the topic`);
    const stall = checkResult(`poison: no partition stalled past its bound (${STALL_BOUND_MS / 1000} s)`);
    if (!(stalledMs <= STALL_BOUND_MS)) stall.fail(`poison parked and the purchases behind it registered after ${Number.isNaN(stalledMs) ? 'never' : `${stalledMs} ms`}`);
    const crashes = checkResult('apps: no crash');
    for (const exit of fleet.unexpectedExits()) crashes.fail(exit);
    for (const app of fleet.all) if (!(await fetch(`${app.url}/health/live`).then((r) => r.ok, () => false))) crashes.fail(`${app.instance} not live at the end`);

    const checks = [serverErrors, problems, unanswered, poisonParked, stall, crashes];
    passed = checks.every((c) => c.violations === 0);
    return {
      mode: 'fuzz', seed: options.seed, startedAt: new Date(started).toISOString(), finishedAt: new Date().toISOString(), passed,
      figures: {
        'fuzzed requests': requests.length,
        '5xx answers': serverErrors.violations,
        'poison records': options.poisonRecords,
        'poison parked': [...wanted].filter((p) => byOffset.has(p)).length,
        'poison to all parked and flowing (s)': Number.isNaN(stalledMs) ? 'never' : Number((stalledMs / 1000).toFixed(1)),
        'crashes': crashes.violations,
        'run time (s)': Math.round((Date.now() - started) / 1000),
      },
      faults: {},
      checks,
      details: { options, statuses: countBy(statuses, String), parkedReasons: countBy(parked.filter((p) => wanted.has(sourceOf(p))), (p) => p.reason) },
    };
  } finally {
    if (stage) await tearDownStage(stage, passed);
  }
}

function sourceOf(item: ParkedItem): string {
  return item.source ? `${item.source.partition}/${item.source.offset}` : '';
}

async function send(base: string, request: FuzzRequest, badProblem: (s: string) => void, noAnswer: (s: string) => void): Promise<number | undefined> {
  try {
    const response = await fetch(base + request.path, {
      method: request.method, headers: request.headers, body: request.body, signal: AbortSignal.timeout(15_000),
    });
    const text = await response.text();
    if (response.status >= 400) {
      const type = response.headers.get('content-type') ?? '';
      let status: unknown;
      try {
        status = (JSON.parse(text) as { status?: unknown }).status;
      } catch {
        status = undefined;
      }
      if (!type.startsWith('application/problem+json') || status !== response.status) badProblem(`${request.name}: ${response.status} ${type} ${text.slice(0, 120)}`);
    }
    return response.status;
  } catch (error) {
    noAnswer(`${request.name}: ${(error as Error).message}`);
    return undefined;
  }
}

/** One valid purchase per cashbox after the poison: their registration shows the partitions moved on. */
async function postCanaries(gateway: string, cashboxes: Map<string, string>, seed: number): Promise<string[]> {
  const codes: string[] = [];
  let i = 0;
  for (const [cashbox, secret] of cashboxes) {
    const [storeId, cashboxId] = cashbox.split('/');
    const voucherCode = `CANARY-${seed}-${i++}`;
    const response = await fetch(`${gateway}/v1/voucher-purchases`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
      body: JSON.stringify({ voucherCode, amount: { value: 5000, currency: 'EUR' }, storeId, cashboxId, receiptNumber: `C-${i}`, purchasedAt: '2026-11-21T11:15:00+01:00', expiresAt: '2029-11-21T23:59:59+01:00' }),
    });
    if (response.status === 202) codes.push(voucherCode);
  }
  return codes;
}
