import { randomBytes } from 'node:crypto';
import { cpus } from 'node:os';
import { Client, Pool } from 'pg';
import { runAcceptLoad } from './accept-load';
import type { LoadFigures } from './json-post-load';
import { appliedEvents, unsentOutboxRows, until } from './drain-progress';
import { AppRunner } from './app-runner';
import { createBenchCashboxKeys } from './cashbox-keys';
import { CpuShares } from './cpu-shares';
import { PeerRunner } from './peer/peer-runner';
import { freePort } from '@voucher-bridge/app-launch';
import { runPushBench } from './push/push-bench';
import { BENCH } from './bench-environment';
import { runLookupLoad } from './lookup-load';
import { SEED_OUTBOX, seedEventIds, seedVoucherCode } from './outbox-seed.sql';
import { relayFigures } from './relay-figures';
import { registrationFigures } from './registration-figures';
import { rawKafkaProducerRate, rawPostgresTwoRowTps } from './raw-rates';
import { createBenchShopKeys } from './shop-keys';
import { kafkaScript, migrate } from './shell';

/**
 * `npm run bench`: prints how fast the three hot paths are — accepting (HTTP → purchase +
 * outbox), relaying (outbox → Kafka) and registering (Kafka → registry) — and the shop's lookups
 * and pushes, next to the raw rates of PostgreSQL and Kafka measured in the same run. Figures,
 * not pass/fail.
 */
async function main(): Promise<void> {
  const environment = `dev-bench${randomBytes(2).toString('hex')}`;
  const topic = `${environment}.voucher`;
  log(`setting up: bench broker on ${BENCH.brokers}, database ${BENCH.databaseUrl}`);
  await kafkaScript('start');
  await recreateDatabase();
  await migrate();
  const pool = new Pool({ connectionString: BENCH.databaseUrl, max: 2 });
  const env = {
    VOUCHER_ENV: environment, DATABASE_URL: BENCH.databaseUrl, KAFKA_BROKERS: BENCH.brokers,
    DATABASE_POOL_SIZE: '20', NO_COLOR: '1',
    // The limiter runs on every request, but the load's ~15 requests/s per cashbox must pass it.
    CASHBOX_RATE_LIMIT_PER_SECOND: '1000',
    // Likewise for the lookups: one key per connection, each sending hundreds a second.
    LOOKUP_RATE_LIMIT_PER_SECOND: '100000',
  };
  const gateway = new AppRunner('cashbox-gateway', await freePort(), env);
  const connector = new AppRunner('eshop-connector', await freePort(), env);
  const figures: [string, string][] = [];
  const phases = BENCH.phases;
  log(`phases: ${[...phases].join(', ')}`);
  try {
    let pgTps = NaN;
    if (phases.has('raw')) {
      log('raw rates: pgbench (two-row transaction, 64 clients, 10 s) and Kafka ProducerPerformance (300k × 300 B)');
      pgTps = await rawPostgresTwoRowTps(pool);
      const kafkaRate = await rawKafkaProducerRate();
      figures.push(['raw PostgreSQL, 2-row tx (pgbench, 64 clients)', `${fmt(pgTps)} tx/s`]);
      figures.push(['raw Kafka producer (Java, acks=all, idempotent)', `${fmt(kafkaRate)} msg/s`]);
    }

    const keys = await createBenchCashboxKeys(pool);
    let accepted = 0;
    if (phases.has('accept')) {
      log(`peer: the same load against a bare handler that sends each purchase straight to Kafka (${topic}.peer)`);
      const peer = new PeerRunner('direct-to-kafka', await freePort(), { KAFKA_BROKERS: BENCH.brokers, PEER_TOPIC: `${topic}.peer` });
      await peer.start();
      const direct = await measured(peer, () => runAcceptLoad(peer.url, keys)).finally(() => peer.stop());
      figures.push(['peer: HTTP → Kafka ack, no database (seed design)', `${fmt(direct.requestsPerSecond)} req/s (p99 ${direct.p99Ms} ms)`]);
      figures.push(['peer: CPU per request', cpuPerRequest(direct)]);
      figures.push(['peer: machine CPU per request', direct.machine]);

      log('floor: the same load against a bare handler that writes each purchase into the outbox tables (group commit, nothing else)');
      const floor = new PeerRunner('direct-to-outbox', await freePort(), { DATABASE_URL: BENCH.databaseUrl, FLOOR_TOPIC: `${topic}.floor` });
      await floor.start();
      let bare: Awaited<ReturnType<typeof measured>>;
      let barePaced: typeof bare;
      try {
        bare = await measured(floor, () => runAcceptLoad(floor.url, keys));
        barePaced = await measured(floor, () => runAcceptLoad(floor.url, keys, BENCH.pacedRate));
      } finally {
        await floor.stop();
      }
      await pool.query('TRUNCATE gateway_outbox, gateway_purchase, gateway_idempotency_key');
      figures.push(['floor: HTTP → outbox, no framework (vs peer)', `${fmt(bare.requestsPerSecond)} req/s (p99 ${bare.p99Ms} ms, ${(bare.requestsPerSecond / direct.requestsPerSecond).toFixed(2)}×)`]);
      figures.push(['floor: CPU per request', cpuPerRequest(bare)]);
      figures.push([`floor: CPU per request at ${fmt(BENCH.pacedRate)} req/s`, cpuPerRequest(barePaced)]);
      figures.push(['floor: machine CPU per request (saturated / paced)', `${bare.machine} / ${barePaced.machine}`]);

      log(`accept: ${BENCH.connections} connections for ${BENCH.seconds} s against cashbox-gateway (relay running, 350 cashbox keys)`);
      await gateway.start();
      const accept = await measured(gateway, () => runAcceptLoad(gateway.url, keys));
      accepted = accept.accepted;
      const gatewayMemory = gateway.memory();
      figures.push(['accept: POST /v1/voucher-purchases → 202', `${fmt(accept.requestsPerSecond)} req/s`]);
      const vsPostgres = Number.isNaN(pgTps) ? 'n/a (phase raw not run)' : `${(accept.requestsPerSecond / pgTps).toFixed(2)}×`;
      figures.push(['accept: vs raw PostgreSQL / vs peer', `${vsPostgres} / ${(accept.requestsPerSecond / direct.requestsPerSecond).toFixed(2)}×`]);
      figures.push(['accept: latency p50 / p99', `${accept.p50Ms} ms / ${accept.p99Ms} ms`]);
      figures.push(['accept: accepted / failed', `${accept.accepted} / ${accept.failed}${accept.failures ? ` (${accept.failures})` : ''}`]);
      figures.push(['accept: gateway CPU per request (relay included)', cpuPerRequest(accept)]);
      figures.push(['accept: machine CPU per request', accept.machine]);
      log(`accept: ${fmt(BENCH.pacedRate)} requests a second for ${BENCH.seconds} s (below saturation: the steadier CPU figure)`);
      const paced = await measured(gateway, () => runAcceptLoad(gateway.url, keys, BENCH.pacedRate));
      // On the topic too: the register phase waits for every accepted event.
      accepted += paced.accepted;
      figures.push([`accept: gateway CPU per request at ${fmt(BENCH.pacedRate)} req/s`, `${cpuPerRequest(paced)}, p99 ${paced.p99Ms} ms`]);
      figures.push([`accept: machine CPU per request at ${fmt(BENCH.pacedRate)} req/s`, paced.machine]);
      const drainStart = Date.now();
      await until(async () => (await unsentOutboxRows(pool)) === 0);
      figures.push(['accept: outbox backlog drained after load', `${((Date.now() - drainStart) / 1000).toFixed(1)} s`]);
      figures.push(['gateway memory: RSS / peak', `${gatewayMemory.rssMiB} / ${gatewayMemory.peakMiB} MiB`]);
      await gateway.stop();
    }

    if (phases.has('relay')) {
      log(`relay: ${BENCH.seedRows} outbox rows waiting, then the gateway starts`);
      const seedPrefix = randomBytes(3).toString('hex').toUpperCase();
      await pool.query(SEED_OUTBOX, [BENCH.seedRows, seedPrefix, topic, seedEventIds(BENCH.seedRows)]);
      const relayStart = Date.now();
      const relayShares = new CpuShares({ gateway: () => (gateway.running ? gateway.cpuSeconds() : 0) });
      const beforeRelay = relayShares.sample();
      await gateway.start();
      const relayCpuAtReady = gateway.cpuSeconds();
      await until(async () => (await unsentOutboxRows(pool)) === 0);
      const relaySeconds = (Date.now() - relayStart) / 1000;
      figures.push(['relay: outbox → Kafka (incl. app start)', `${fmt(BENCH.seedRows / relaySeconds)} msg/s`]);
      figures.push(...await relayFigures(pool, gateway, new Date(relayStart), relayCpuAtReady, BENCH.seedRows));
      figures.push(['relay: machine CPU per message (incl. app start)', CpuShares.perRequest(beforeRelay, relayShares.sample(), BENCH.seedRows)]);
      figures.push(['gateway memory after relay: RSS / peak', `${gateway.memory().rssMiB} / ${gateway.memory().peakMiB} MiB`]);
      if (phases.has('register')) {
        const total = accepted + BENCH.seedRows;
        log(`register: eshop-connector consumes ${total} events from the beginning`);
        const registerStart = Date.now();
        const registerShares = new CpuShares({ connector: () => (connector.running ? connector.cpuSeconds() : 0) });
        const beforeRegister = registerShares.sample();
        await connector.start();
        const cpuAtReady = connector.cpuSeconds();
        await until(async () => (await appliedEvents(connector.url)) >= total);
        const registerSeconds = (Date.now() - registerStart) / 1000;
        figures.push(['register: Kafka → registry (incl. app start)', `${fmt(total / registerSeconds)} events/s`]);
        figures.push(...await registrationFigures(pool, connector, new Date(registerStart), cpuAtReady, total, 'register'));
        figures.push(['register: machine CPU per event (incl. app start)', CpuShares.perRequest(beforeRegister, registerShares.sample(), total)]);
        figures.push(['connector memory: RSS / peak', `${connector.memory().rssMiB} / ${connector.memory().peakMiB} MiB`]);
      }
      if (phases.has('lookup')) {
        log(`lookup: ${BENCH.connections} connections for ${BENCH.seconds} s against eshop-connector (${BENCH.connections} shop keys, ${fmt(BENCH.seedRows)} registered vouchers)`);
        const shopKeys = await createBenchShopKeys(pool, BENCH.connections);
        const lookups = await measured(connector, () => runLookupLoad(connector.url, shopKeys, BENCH.seedRows, (n) => seedVoucherCode(seedPrefix, n)));
        figures.push(['lookup: POST /v1/voucher-lookups → 200', `${fmt(lookups.requestsPerSecond)} req/s`]);
        figures.push(['lookup: latency p50 / p99', `${lookups.p50Ms} ms / ${lookups.p99Ms} ms`]);
        figures.push(['lookup: found / failed', `${lookups.accepted} / ${lookups.failed}${lookups.failures ? ` (${lookups.failures})` : ''}`]);
        figures.push(['lookup: connector CPU per lookup', cpuPerRequest(lookups)]);
        figures.push(['connector memory after lookups: RSS / peak', `${connector.memory().rssMiB} / ${connector.memory().peakMiB} MiB`]);
      }
      await Promise.all([gateway.stop(), connector.stop()]);
    }
    if (phases.has('push')) figures.push(...await runPushBench(pool, env, keys));
  } finally {
    await Promise.all([gateway.stop(), connector.stop()]);
    await pool.end();
    await kafkaScript('stop');
  }
  console.log(`\nvoucher-bridge benchmark on Node.js ${process.version} (apps and load generator alike; ${cpus().length} cores shared with PostgreSQL and Kafka)`);
  for (const [what, value] of figures) console.log(`  ${what.padEnd(50)} ${value}`);
}

/** A load's figures with the app's CPU during it, and the whole machine's per request (`machine`). */
async function measured(app: { cpuSeconds(): number }, load: () => Promise<LoadFigures>): Promise<LoadFigures & { cpuSeconds: number; machine: string }> {
  const shares = new CpuShares({ app: () => app.cpuSeconds() });
  const before = shares.sample();
  const figures = await load();
  const after = shares.sample();
  return {
    ...figures,
    cpuSeconds: after.parties.get('app')! - before.parties.get('app')!,
    machine: CpuShares.perRequest(before, after, figures.accepted + figures.failed),
  };
}

const cpuPerRequest = (load: LoadFigures & { cpuSeconds: number }) =>
  `${fmt((load.cpuSeconds * 1e6) / (load.accepted + load.failed))} µs (${load.cpuSeconds.toFixed(1)} s CPU)`;

async function recreateDatabase(): Promise<void> {
  const url = new URL(BENCH.databaseUrl);
  const name = url.pathname.slice(1);
  url.pathname = '/postgres';
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await client.query(`CREATE DATABASE "${name}"`);
  await client.end();
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const log = (message: string) => console.error(`bench: ${message}`);

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
