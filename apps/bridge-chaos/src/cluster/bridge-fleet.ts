import { join } from 'node:path';
import { AppProcess } from './app-process';

export interface FleetSettings {
  environment: string;
  databaseUrl: string;
  brokers: string;
  basePort: number;
  logDir: string;
}

/** Two gateways and two connectors on one database and one cluster, as a deployment runs them. */
export class BridgeFleet {
  readonly gateways: AppProcess[];
  readonly connectors: AppProcess[];

  constructor(settings: FleetSettings) {
    const env: Record<string, string> = {
      VOUCHER_ENV: settings.environment,
      DATABASE_URL: settings.databaseUrl,
      KAFKA_BROKERS: settings.brokers,
      KAFKA_TOPIC_PARTITIONS: '6',
      KAFKA_TOPIC_REPLICATION_FACTOR: '3',
      NO_COLOR: '1',
      LOG_LEVEL: 'warn',
      // The load is many requests from few cashboxes and one shop: the limiters are not under test.
      CASHBOX_RATE_LIMIT_PER_SECOND: '100000',
      LOOKUP_RATE_LIMIT_PER_SECOND: '100000',
      // Retries close together and many of them: the shop's down stretch and its 5xx share must
      // be outlasted, so a parked delivery means a defect, not an exhausted schedule.
      WEBHOOK_RETRY_SCHEDULE: ['0s', '250ms', '500ms', ...Array<string>(60).fill('2s')].join(','),
      WEBHOOK_POLL_INTERVAL_MS: '250',
      // The API key cache: keys are created before the apps start, nothing is revoked.
      API_KEY_CACHE_TTL_MS: '60000',
      // Shorter than the silent-connections fault lasts, so that its queries time out first.
      DATABASE_QUERY_TIMEOUT_MS: '5000',
    };
    // Partitions added by the chaos are looked for every 2 s (30 s by default), and after readers
    // that did not catch up within the hold, again 5 s later (5 min).
    const gatewayOnly = { OUTBOX_POLL_INTERVAL_MS: '200', OUTBOX_PARTITION_CHECK_INTERVAL_MS: '2000', OUTBOX_PARTITION_RETRY_MS: '5000' };
    this.gateways = ['a', 'b'].map((id, i) =>
      new AppProcess('cashbox-gateway', `gateway-${id}`, settings.basePort + 10 + i, { ...env, ...gatewayOnly }, join(settings.logDir, `gateway-${id}.log`)));
    this.connectors = ['a', 'b'].map((id, i) =>
      new AppProcess('eshop-connector', `connector-${id}`, settings.basePort + 20 + i, env, join(settings.logDir, `connector-${id}.log`)));
  }

  get all(): AppProcess[] {
    return [...this.gateways, ...this.connectors];
  }

  async start(): Promise<void> {
    // One after the other: the first creates the topics, and two cores start one app at a time anyway.
    for (const app of this.all) await app.start();
  }

  async stop(): Promise<void> {
    await Promise.all(this.all.map((app) => app.stop()));
  }

  unexpectedExits(): string[] {
    return this.all.flatMap((app) => app.unexpectedExits);
  }
}
