import { randomBytes } from 'node:crypto';
import { voucherConnectorGroupId, voucherTopic } from '@voucher-bridge/voucher-contract';
import { CreatedKey, createCashboxKey, createShopKey } from './admin-cli';
import { AppProcess } from './app-process';
import { freePort } from '@voucher-bridge/app-launch';
import { TEST_DATABASE_URL, TEST_KAFKA_BROKERS, TEST_WEBHOOK_SECRET_ENCRYPTION_KEY } from './test-environment';

/** Both apps of one spec, on topics and a consumer group of their own (`test-<random>.voucher`). */
export interface Bridge {
  environment: string;
  topic: string;
  groupId: string;
  /** The environment both apps run with, to start more instances like them. */
  env: Record<string, string>;
  gateway: AppProcess;
  connector: AppProcess;
  /** The key of cashbox box-7 in store store-042, which `purchaseBody` posts for. */
  cashboxKey: CreatedKey;
  /** The web shop's key, which `lookUp` sends. */
  shopKey: CreatedKey;
  stop(): Promise<void>;
}

/** Both apps configured but not started: a spec starts them in the order it needs. */
export async function createBridge(extraEnv: Record<string, string> = {}): Promise<Bridge> {
  const environment = `test-${randomBytes(4).toString('hex')}`;
  const groupId = voucherConnectorGroupId(environment);
  const common = {
    VOUCHER_ENV: environment,
    DATABASE_URL: TEST_DATABASE_URL,
    KAFKA_BROKERS: TEST_KAFKA_BROKERS,
    KAFKA_TOPIC_PARTITIONS: '3',
    KAFKA_DELIVERY_TIMEOUT_MS: '15000',
    OUTBOX_POLL_INTERVAL_MS: '200',
    API_KEY_CACHE_TTL_MS: '500',
    // Specs post bursts from one cashbox; the rate limit has a spec of its own.
    CASHBOX_RATE_LIMIT_PER_SECOND: '100000',
    LOOKUP_RATE_LIMIT_PER_SECOND: '100000',
    // Given explicitly, as in production (without it the connector falls back to a development key).
    WEBHOOK_SECRET_ENCRYPTION_KEY: TEST_WEBHOOK_SECRET_ENCRYPTION_KEY,
    ...extraEnv,
  };
  const gatewayPort = await freePort();
  const gateway = new AppProcess('cashbox-gateway', gatewayPort, common);
  // The operations console (served by the connector) asks the gateway for its readiness.
  const connector = new AppProcess('eshop-connector', await freePort(), { GATEWAY_URL: `http://127.0.0.1:${gatewayPort}`, ...common });
  const [cashboxKey, shopKey] = await Promise.all([createCashboxKey('store-042', 'box-7'), createShopKey()]);
  return {
    environment,
    topic: voucherTopic(environment),
    groupId,
    env: common,
    gateway,
    connector,
    cashboxKey,
    shopKey,
    async stop() {
      await Promise.all([gateway.stop(), connector.stop()]);
    },
  };
}

export async function startBridge(extraEnv: Record<string, string> = {}): Promise<Bridge> {
  const bridge = await createBridge(extraEnv);
  await Promise.all([bridge.gateway.start(), bridge.connector.start()]);
  return bridge;
}
