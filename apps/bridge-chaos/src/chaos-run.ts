import { setTimeout as delay } from 'node:timers/promises';
import { ChaosOptions } from './chaos-options';
import { log } from './chaos-log';
import { ChaosReport, countBy } from './chaos-report';
import { CHAOS_PARTITIONS, ChaosStage, setUpStage, tearDownStage } from './chaos-stage';
import { CheckResult, ExpectedVoucher, checkResult, expectationsOf } from './checks/expectations';
import { checkParked } from './checks/parked.check';
import { LookupAnswer, PublicApi, forEachLimited } from './checks/public-api';
import { checkRegistry, registryHasAll } from './checks/registry.check';
import { arrivalsByVoucher, checkShop, shopHasAll } from './checks/shop.check';
import { checkTopic } from './checks/topic.check';
import { readTopic } from './cluster/topic-reader';
import { FaultInjector } from './faults/fault-injector';
import { FAULT_KINDS, FaultKind, InjectedFault } from './faults/fault-kinds';
import { CashboxClient } from './load/cashbox-client';
import { runLoad } from './load/load-runner';
import { planVouchers } from './load/voucher-plan';
import { SeededRandom } from '@voucher-bridge/fuzzing';

/**
 * The chaos run: load and faults at once, then drain, then the checks from public surfaces only.
 */
export async function runChaos(options: ChaosOptions): Promise<ChaosReport> {
  const started = Date.now();
  const deadline = started + options.durationSeconds * 1000;
  const random = new SeededRandom(options.seed);
  const plans = planVouchers(options.events, random, options.seed);
  log(`seed ${options.seed}: ${options.events} events over ${plans.length} vouchers, bound ${options.durationSeconds} s`);
  let stage: ChaosStage | undefined;
  let passed = false;
  try {
    stage = await setUpStage(options, random);
    const { fleet, shop, keys } = stage;
    const client = new CashboxClient(fleet.gateways.map((g) => g.url));
    const api = new PublicApi(fleet.connectors.map((c) => c.url), keys.shop, keys.operator);
    const injector = new FaultInjector({
      fleet, cluster: stage.cluster, database: stage.database, shop, databaseProxy: stage.databaseProxy, brokerProxies: stage.brokerProxies, topic: stage.topic, partitions: CHAOS_PARTITIONS,
      pauseSeconds: options.pauseSeconds, shopDownSeconds: options.shopDownSeconds,
    }, random);

    // The faults run one after another, a few seconds apart, while the load goes on; the load is
    // paced to last about as long (a big run is slower than that anyway).
    const kinds = FAULT_KINDS.filter((k) => k !== 'postgres-restart' || options.restartDatabase);
    const schedule: FaultKind[] = random.shuffle(kinds.flatMap((k) => Array<FaultKind>(options.faultsEach).fill(k)));
    const faultSeconds = schedule.reduce((sum, kind) => sum + 4 + expectedSeconds(kind, options), 0);
    const eventsPerSecond = options.events / Math.max(30, faultSeconds);
    let loading = true;
    const loadStarted = Date.now();
    let lastProgress = 0;
    // The cashboxes give up at 70 % of the bound: the rest is kept for the drain and the checks.
    const giveUpAt = started + options.durationSeconds * 1000 * 0.7;
    const load = runLoad(plans, keys, client, options.concurrency, giveUpAt, random, (n) => {
      if (n - lastProgress >= Math.max(1000, options.events / 20)) {
        lastProgress = n;
        log(`${n} events accepted (${Math.round(n / ((Date.now() - loadStarted) / 1000))}/s)`);
      }
    }, eventsPerSecond).finally(() => (loading = false));
    const faults: InjectedFault[] = [];
    const faulting = (async () => {
      for (const kind of schedule) {
        if (Date.now() > deadline - 120_000) break;
        await delay(random.int(2000, 6000));
        faults.push(await injector.inject(kind, () => loading));
      }
    })();
    const loadResult = await load;
    const loadSeconds = (Date.now() - loadStarted) / 1000;
    log(`load done: ${loadResult.accepted.length} accepted in ${loadSeconds.toFixed(0)} s; waiting for the remaining faults`);
    await faulting;
    const lastFaultAt = Math.max(loadStarted, ...faults.map((f) => f.endedAt));

    const expected = expectationsOf(plans, loadResult.accepted);
    log(`draining: ${expected.length} vouchers to see registered and pushed`);
    const answers = new Map<string, LookupAnswer | undefined>();
    const drainedAt = await drain(expected, api, stage, answers, deadline);
    const drainSeconds = drainedAt ? (drainedAt - lastFaultAt) / 1000 : NaN;
    log(drainedAt ? `drained ${drainSeconds.toFixed(1)} s after the last fault` : 'NOT drained before the bound');

    log('checking: topic (kcat, read_committed), lookups, shop log, parked dead letters');
    const topic = checkTopic(expected, await readTopic(stage.cluster.brokers, stage.topic));
    await forEachLimited(expected, 8, async (v) => void answers.set(v.code, await api.lookUp(v.code)));
    const registry = checkRegistry(expected, answers);
    const pushed = checkShop(expected, shop.arrivals);
    const parked = checkParked(expected, await api.parked('record'), await api.parked('delivery'));

    const cashbox = checkResult('cashboxes: every valid request answered 202, retries answered alike');
    for (const answer of loadResult.unexpectedAnswers) cashbox.fail(`${answer.voucher} op ${answer.operation}: ${answer.status} ${JSON.stringify(answer.body).slice(0, 200)}`);
    for (const missing of loadResult.unanswered) cashbox.fail(`${plans[missing.voucher].code} op ${missing.operation}: no answer before the bound`);
    for (let i = 0; i < loadResult.idempotencyMismatches; i++) cashbox.fail('a retry with the same Idempotency-Key answered another event');
    const crashes = checkResult('apps: no crash the harness did not cause');
    for (const exit of fleet.unexpectedExits()) crashes.fail(exit);
    const duringFaults = checkResult('faults: the bridge carried on as promised while each lasted (relay taken over from a frozen holder; relaying and registering again soon after broker connections went silent)');
    for (const fault of faults) if (fault.violation) duringFaults.fail(fault.violation);
    const drained = checkResult('drained before the bound');
    if (!drainedAt) drained.fail('registry or shop still behind at the bound');

    const checks: CheckResult[] = [cashbox, ...topic.results, ...registry.results, ...pushed.results, ...parked, crashes, duringFaults, drained];
    passed = checks.every((c) => c.violations === 0);
    const refused = expected.flatMap((v) => v.events).filter((e) => e.outcome === 'refused').length;
    return {
      mode: 'chaos', seed: options.seed, startedAt: new Date(started).toISOString(), finishedAt: new Date().toISOString(), passed,
      figures: {
        'events planned': options.events,
        'events accepted (202)': loadResult.accepted.length,
        'vouchers': expected.length,
        'deliberate rule violations': refused,
        'accept rate under faults (/s)': Math.round(loadResult.accepted.length / loadSeconds),
        'records on the topic': topic.figures.records,
        'lost': topic.figures.lost,
        'duplicated': topic.figures.duplicated,
        'reordered': topic.figures.reordered,
        'balance mismatches': registry.balanceMismatches,
        'pushes received / acknowledged': `${pushed.figures.arrivals} / ${pushed.figures.delivered}`,
        'pushes answered 503 by the shop': pushed.figures.answered5xx,
        'pushes redelivered after ack': pushed.figures.redelivered,
        'stale redeliveries (older seq later)': pushed.figures.staleRedeliveries,
        'cashbox retries (timeouts, refused)': `${client.stats.retries} (${client.stats.timeouts}, ${client.stats.connectionErrors})`,
        'lost-answer retries (same key)': loadResult.lostAnswerRetries,
        'drain after last fault (s)': Number.isNaN(drainSeconds) ? 'not drained' : Number(drainSeconds.toFixed(1)),
        'run time (s)': Math.round((Date.now() - started) / 1000),
      },
      faults: countBy(faults, (f) => f.kind),
      checks,
      details: { options, faults, clientStats: client.stats, staleRedeliveries: pushed.stale.examples },
    };
  } finally {
    if (stage) await tearDownStage(stage, passed);
  }
}

/** Until every voucher shows all its accepted events and the shop acknowledged every applied one. */
async function drain(expected: ExpectedVoucher[], api: PublicApi, stage: ChaosStage, answers: Map<string, LookupAnswer | undefined>, deadline: number): Promise<number | undefined> {
  let registryPending = expected;
  let shopPending = expected;
  while (Date.now() < deadline) {
    const stillPending: ExpectedVoucher[] = [];
    await forEachLimited(registryPending, 8, async (voucher) => {
      const answer = await api.lookUp(voucher.code).catch(() => undefined);
      answers.set(voucher.code, answer);
      if (!registryHasAll(voucher, answer)) stillPending.push(voucher);
    });
    registryPending = stillPending;
    const byCode = arrivalsByVoucher(stage.shop.arrivals);
    shopPending = shopPending.filter((v) => !shopHasAll(v, byCode.get(v.code)));
    if (registryPending.length === 0 && shopPending.length === 0) return Date.now();
    log(`drain: ${registryPending.length} vouchers not fully registered, ${shopPending.length} not fully pushed`);
    await delay(2000);
  }
  return undefined;
}

/** About how long a fault takes from strike to repair, to pace the load. */
function expectedSeconds(kind: FaultKind, options: ChaosOptions): number {
  if (kind === 'connector-pause' || kind === 'gateway-pause-relaying') return options.pauseSeconds;
  if (kind === 'shop-down') return options.shopDownSeconds;
  if (kind === 'broker-leader-kill') return 15;
  if (kind === 'postgres-connections-silenced') return 21;
  if (kind === 'kafka-connections-silenced') return 30;
  if (kind.startsWith('postgres')) return 2;
  return 10;
}
