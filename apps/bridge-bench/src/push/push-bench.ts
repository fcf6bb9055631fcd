import { randomBytes } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { Pool } from 'pg';
import { appliedEvents, unsentOutboxRows, until } from '../drain-progress';
import { AppRunner } from '../app-runner';
import { vacuumAsAutovacuumWould } from './autovacuum-stand-in';
import { BENCH } from '../bench-environment';
import { SEED_OUTBOX, seedEventIds } from '../outbox-seed.sql';
import { freePort } from '@voucher-bridge/app-launch';
import { connectorLatency } from './connector-latency';
import { CpuShares } from '../cpu-shares';
import { PushReceiver } from './push-receiver';
import { registrationFigures } from '../registration-figures';
import { INSERT_PUSH_SUBSCRIPTION } from './push-subscription.sql';
import { postSteadyPurchases } from './steady-purchases';

export const PUSH_BENCH = {
  /** Purchases per second for the latency phase, and for how long. */
  rate: Number(process.env.BENCH_PUSH_RATE ?? 500),
  seconds: Number(process.env.BENCH_PUSH_SECONDS ?? 20),
  /**
   * The same load first for this long, reported apart: the gateway has accepted nothing before
   * this phase, and its first seconds (code not yet optimized, pool connections and key cache
   * being filled) are not the steady state the figure is about.
   */
  warmUpSeconds: Number(process.env.BENCH_PUSH_WARMUP_SECONDS ?? 5),
};

/**
 * The push to the shop, on a fresh environment (own topic and consumer group) with one local
 * subscriber: registrations/s while draining BENCH_SEED_ROWS events (each also recorded as a
 * delivery), how long until the subscriber has them all, then the latency from the gateway's 202
 * to the subscriber receiving the push under a steady load. Call with the other apps stopped.
 */
export async function runPushBench(pool: Pool, baseEnv: Record<string, string>, keys: Map<string, string>): Promise<[string, string][]> {
  const figures: [string, string][] = [];
  const environment = `dev-push${randomBytes(2).toString('hex')}`;
  const env = { ...baseEnv, VOUCHER_ENV: environment };
  const gateway = new AppRunner('cashbox-gateway', await freePort(), env);
  const connector = new AppRunner('eshop-connector', await freePort(), env);
  const receiver = new PushReceiver();
  try {
    const url = await receiver.start();
    // The phases before share this database: their garbage is not this drain's to step over.
    await vacuumAsAutovacuumWould(pool);
    await pool.query(INSERT_PUSH_SUBSCRIPTION, [url, `whsec_${randomBytes(32).toString('base64')}`]);

    log(`push: ${BENCH.seedRows} events relayed to ${environment}.voucher, then the connector drains them with one subscriber`);
    await pool.query(SEED_OUTBOX, [BENCH.seedRows, randomBytes(3).toString('hex').toUpperCase(), `${environment}.voucher`, seedEventIds(BENCH.seedRows)]);
    await gateway.start();
    await until(async () => (await unsentOutboxRows(pool)) === 0);
    const start = Date.now();
    await connector.start();
    const cpuAtReady = connector.cpuSeconds();
    // Progress from the connector's counter and the receiver's own count: polling the tables
    // with count(*) cost PostgreSQL more the fuller they were (see appliedEvents).
    await until(async () => (await appliedEvents(connector.url)) >= BENCH.seedRows);
    const registerSeconds = (Date.now() - start) / 1000;
    figures.push(['register with one subscriber (incl. app start)', `${fmt(BENCH.seedRows / registerSeconds)} events/s`]);
    figures.push(...await registrationFigures(pool, connector, new Date(start), cpuAtReady, BENCH.seedRows, 'register with one subscriber'));
    await until(async () => receiver.arrivals.size >= BENCH.seedRows);
    figures.push(['push: all delivered to the subscriber after', `${((Date.now() - start) / 1000).toFixed(1)} s (${fmt(BENCH.seedRows / ((Date.now() - start) / 1000))}/s)`]);
    figures.push(['connector memory with subscriber: RSS / peak', `${connector.memory().rssMiB} / ${connector.memory().peakMiB} MiB`]);

    // Nor the drain's 100,000 delivered rows the latency load's.
    await vacuumAsAutovacuumWould(pool);
    log(`push latency: ${PUSH_BENCH.rate} purchases/s for ${PUSH_BENCH.warmUpSeconds} s (warm-up, reported apart), then for ${PUSH_BENCH.seconds} s, 202 → subscriber`);
    const cpu = new CpuShares({ gateway: () => gateway.cpuSeconds(), connector: () => connector.cpuSeconds() });
    const cpuBefore = cpu.sample();
    const { warmUp, measured: accepted } = await postSteadyPurchases(gateway.url, keys, PUSH_BENCH.rate, PUSH_BENCH.seconds, PUSH_BENCH.warmUpSeconds);
    const cpuDuring = CpuShares.between(cpuBefore, cpu.sample());
    const deadline = Date.now() + 60_000;
    while ([...warmUp.keys(), ...accepted.keys()].some((code) => !receiver.arrivals.has(code)) && Date.now() < deadline) await delay(100);
    const latencies = pushLatencies(accepted, receiver);
    figures.push([`push latency 202 → shop at ${PUSH_BENCH.rate}/s: p50 / p99`, `${percentile(latencies, 0.5)} ms / ${percentile(latencies, 0.99)} ms`]);
    figures.push(['push latency: accepted / pushed', `${accepted.size} / ${latencies.length}`]);
    const warmUpLatencies = pushLatencies(warmUp, receiver);
    figures.push([`push latency in the ${PUSH_BENCH.warmUpSeconds} s warm-up before: p50 / p99 / max`,
      `${percentile(warmUpLatencies, 0.5)} ms / ${percentile(warmUpLatencies, 0.99)} ms / ${percentile(warmUpLatencies, 1)} ms`]);
    figures.push([`CPU during the ${PUSH_BENCH.rate}/s load (% of one core)`, cpuDuring]);
    figures.push(...await connectorLatency(pool, receiver, accepted.keys()));
  } finally {
    await Promise.all([gateway.stop(), connector.stop()]);
    await receiver.stop();
  }
  return figures;
}

/** From each accepted purchase's 202 to its push arriving, ascending (those not pushed left out). */
function pushLatencies(accepted: Map<string, number>, receiver: PushReceiver): number[] {
  return [...accepted].flatMap(([code, at]) => {
    const arrived = receiver.arrivals.get(code);
    return arrived === undefined ? [] : [arrived - at];
  }).sort((a, b) => a - b);
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]?.toFixed(1) ?? 'n/a';
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const log = (message: string) => console.error(`bench: ${message}`);
