import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ChaosOptions, ROOT } from './chaos-options';
import { log } from './chaos-log';
import { BridgeFleet } from './cluster/bridge-fleet';
import { ChaosDatabase, ChaosKeys } from './cluster/chaos-database';
import { KafkaCluster } from './cluster/kafka-cluster';
import { SeededRandom, TcpBlackhole } from '@voucher-bridge/fuzzing';
import { ShopEndpoint } from './shop/shop-endpoint';

export const CHAOS_ENVIRONMENT = 'test-chaos';
export const CHAOS_PARTITIONS = 6;

/** Everything a run stands on: the cluster, the database with its keys, the shop, the apps. */
export interface ChaosStage {
  cluster: KafkaCluster;
  database: ChaosDatabase;
  keys: ChaosKeys;
  shop: ShopEndpoint;
  /** Between the apps and PostgreSQL (the harness connects directly): can make connections go silent. */
  databaseProxy: TcpBlackhole;
  /** Between every client (the apps, the harness's reads) and each broker: the brokers' own traffic passes by. */
  brokerProxies: TcpBlackhole[];
  fleet: BridgeFleet;
  topic: string;
  logDir: string;
}

/** What the run set up so far (while setting up, too): torn down when the harness is interrupted. */
let inUse: Partial<ChaosStage> | undefined;

export function stageInUse(): Partial<ChaosStage> | undefined {
  return inUse;
}

export async function setUpStage(options: ChaosOptions, random: SeededRandom): Promise<ChaosStage> {
  const logDir = join(ROOT, `.local/chaos/logs-${options.seed}`);
  mkdirSync(logDir, { recursive: true });
  const stage: Partial<ChaosStage> = { logDir };
  inUse = stage;
  const cluster = new KafkaCluster(`chaos-${options.basePort}`, options.basePort + 100, options.basePort + 200);
  stage.cluster = cluster;
  // Listening before the brokers start: a broker's clients are sent to its proxy from the first metadata on.
  stage.brokerProxies = await Promise.all(cluster.nodes().map((n) => TcpBlackhole.start('127.0.0.1', cluster.brokerPort(n), cluster.proxyBasePort + n)));
  log(`three-broker cluster on ${cluster.brokers} (fresh), database ${new URL(options.databaseUrl).pathname.slice(1)} (re-created); logs in ${logDir}`);
  await cluster.reset();
  await cluster.start();
  const topic = `${CHAOS_ENVIRONMENT}.voucher`;
  const database = await ChaosDatabase.recreate(options.databaseUrl);
  stage.database = database;
  const keys = await database.createKeys();
  const shop = new ShopEndpoint(options.basePort + 30, options.shopFailureShare, random);
  stage.shop = shop;
  shop.useSecret(await database.subscribeShop(shop.url));
  await shop.start();
  const { proxy, url: databaseUrl } = await TcpBlackhole.inFrontOf(options.databaseUrl);
  stage.databaseProxy = proxy;
  const fleet = new BridgeFleet({ environment: CHAOS_ENVIRONMENT, databaseUrl, brokers: cluster.brokers, basePort: options.basePort, logDir });
  stage.fleet = fleet;
  log('starting two gateways and two connectors');
  await fleet.start();
  return Object.assign(stage, { keys, topic }) as ChaosStage;
}

/** Stops everything; the cluster's data is kept after a failed run, for a look at what happened. */
export async function tearDownStage(stage: Partial<ChaosStage>, passed: boolean): Promise<void> {
  if (inUse === stage) inUse = undefined;
  await stage.fleet?.stop().catch(() => undefined);
  await stage.shop?.stop().catch(() => undefined);
  await stage.databaseProxy?.stop();
  await Promise.all((stage.brokerProxies ?? []).map((proxy) => proxy.stop()));
  await stage.database?.close();
  await (passed ? stage.cluster?.reset() : stage.cluster?.stop())?.catch(() => undefined);
}
