import { setTimeout as delay } from 'node:timers/promises';
import { log } from '../chaos-log';
import { AppProcess } from '../cluster/app-process';
import { BridgeFleet } from '../cluster/bridge-fleet';
import { ChaosDatabase } from '../cluster/chaos-database';
import { KafkaCluster } from '../cluster/kafka-cluster';
import { command } from '../shell';
import { SeededRandom, TcpBlackhole } from '@voucher-bridge/fuzzing';
import { ShopEndpoint } from '../shop/shop-endpoint';
import { FaultKind, InjectedFault } from './fault-kinds';

export interface FaultTargets {
  fleet: BridgeFleet;
  cluster: KafkaCluster;
  database: ChaosDatabase;
  shop: ShopEndpoint;
  databaseProxy: TcpBlackhole;
  brokerProxies: TcpBlackhole[];
  topic: string;
  partitions: number;
  pauseSeconds: number;
  shopDownSeconds: number;
}

const RELAYED = 'outbox_relayed_messages_total';
const HANDLED = 'voucher_events_handled_total';
/** Longer than the apps' query timeout in the chaos fleet (5 s): their queries time out first. */
const SILENCED_FOR_MS = 20_000;
/**
 * How soon after their broker connections went silent the gateways relay and the connectors
 * register again. Each silent connection is found out when a request on it times out (10 s), one
 * after another as the clients get to use them: measured in the short chaos run, relayed again
 * after 18 s (the relay's transaction waited out the 15-s delivery timeout, then a new producer),
 * registered again after 30 s (a batch's dead-letter publish waited out the delivery timeout on
 * its producer's own silent connections, then a new producer). Before the request timeouts were
 * lowered, a relay took 100 s.
 */
export const KAFKA_SILENCE_RESUME_BOUND_MS = 45_000;
/** Partitions each `partitions-added` fault adds to the voucher topic. */
const PARTITIONS_ADDED = 2;
/**
 * How soon the relay writes to partitions added to its topic: its next check (every 2 s in the
 * fleet), then a hold until the connectors have read the old partitions to their end (seconds
 * under load; up to OUTBOX_PARTITION_HOLD_MS, 30 s, then another try 5 s later).
 */
const PARTITIONS_TAKEN_ON_BOUND_MS = 90_000;

/** Injects one fault and repairs it (restart, resume, start the node again) before returning. */
export class FaultInjector {
  constructor(private readonly targets: FaultTargets, private readonly random: SeededRandom) {}

  async inject(kind: FaultKind, underLoad: () => boolean): Promise<InjectedFault> {
    const startedAt = Date.now();
    const load = underLoad();
    const { target, detail, violation } = await this.strike(kind, underLoad);
    const fault: InjectedFault = { kind, target, startedAt, endedAt: Date.now(), underLoad: load, detail, violation };
    log(`fault ${kind} on ${target}${detail ? ` (${detail})` : ''} — repaired after ${((fault.endedAt - startedAt) / 1000).toFixed(1)} s`);
    return fault;
  }

  private async strike(kind: FaultKind, underLoad: () => boolean): Promise<{ target: string; detail?: string; violation?: string }> {
    const { fleet, cluster, database, shop } = this.targets;
    switch (kind) {
      case 'gateway-kill-accepting': {
        const relaying = await this.relayingGateway();
        const gateway = fleet.gateways.find((g) => g !== relaying) ?? this.random.pick(fleet.gateways);
        return this.killAndRestart(gateway, 'group commits in flight');
      }
      case 'gateway-kill-relaying': {
        const gateway = (await this.relayingGateway()) ?? this.random.pick(fleet.gateways);
        return this.killAndRestart(gateway, 'relay lease holder');
      }
      case 'gateway-pause-relaying': {
        // Frozen, the holder keeps its database connection open: only the lease's timeout lets
        // the other gateway take the relay over, and the holder must stand by when it thaws.
        const holder = (await this.relayingGateway()) ?? this.random.pick(fleet.gateways);
        const others = fleet.gateways.filter((g) => g !== holder);
        const loadedAtStart = underLoad();
        const before = await Promise.all(others.map((g) => g.metric(RELAYED)));
        holder.pause();
        await delay(this.targets.pauseSeconds * 1000);
        const after = await Promise.all(others.map((g) => g.metric(RELAYED)));
        const loadedAtEnd = underLoad();
        holder.resume();
        const relayedMeanwhile = after.reduce((sum, n, i) => sum + n - before[i], 0);
        const detail = `SIGSTOP for ${this.targets.pauseSeconds} s; ${relayedMeanwhile} relayed by the other gateway meanwhile`;
        // Under load the other gateway accepts the frozen one's retried requests: it must relay them.
        const violation = loadedAtStart && loadedAtEnd && relayedMeanwhile === 0
          ? `no other gateway relayed while ${holder.instance}, the relay lease holder, was frozen for ${this.targets.pauseSeconds} s under load`
          : undefined;
        return { target: holder.instance, detail, violation };
      }
      case 'connector-kill-mid-batch':
        return this.killAndRestart(this.random.pick(fleet.connectors), 'consuming');
      case 'connector-kill-mid-delivery': {
        // Wait (briefly) for a push on its way to the shop, then kill at once.
        for (let i = 0; i < 200 && shop.inFlight === 0; i++) await delay(10);
        return this.killAndRestart(this.random.pick(fleet.connectors), `${shop.inFlight} pushes in flight`);
      }
      case 'broker-leader-kill': {
        const partition = this.random.int(0, this.targets.partitions - 1);
        const leader = await cluster.leader(this.targets.topic, partition);
        await cluster.kill(leader);
        const next = await cluster.waitForNewLeader(this.targets.topic, partition, leader);
        await delay(this.random.int(2, 8) * 1000);
        await cluster.startNode(leader);
        return { target: `broker ${leader}`, detail: `leader of partition ${partition}; ${next} took over` };
      }
      case 'kafka-connections-silenced':
        return this.silenceKafkaConnections(underLoad);
      case 'partitions-added':
        return this.addPartitions();
      case 'postgres-connections-cut': {
        const cut = await database.terminateAppConnections();
        await delay(300);
        const again = await database.terminateAppConnections();
        return { target: 'postgresql', detail: `${cut} + ${again} backends terminated` };
      }
      case 'postgres-connections-silenced': {
        // Every app connection stops carrying anything — queries (commits among them) may have
        // reached the server, their answers never come back — then is reset, as when a network
        // path fails and returns with the connections' state gone.
        const silenced = this.targets.databaseProxy.silenceOpenConnections(SILENCED_FOR_MS);
        await delay(SILENCED_FOR_MS + 500);
        return { target: 'postgresql', detail: `${silenced} app connections silent for ${SILENCED_FOR_MS / 1000} s, then reset` };
      }
      case 'connector-pause': {
        const connector = this.random.pick(fleet.connectors);
        connector.pause();
        await delay(this.targets.pauseSeconds * 1000);
        connector.resume();
        return { target: connector.instance, detail: `SIGSTOP for ${this.targets.pauseSeconds} s` };
      }
      case 'shop-down':
        await shop.stop();
        await delay(this.targets.shopDownSeconds * 1000);
        await shop.start();
        return { target: 'shop', detail: `down ${this.targets.shopDownSeconds} s` };
      case 'postgres-restart': {
        const cluster = (await command('ls', ['/etc/postgresql'])).trim().split('\n')[0];
        await command('pg_ctlcluster', ['--skip-systemctl-redirect', cluster, 'main', 'restart']);
        return { target: 'postgresql', detail: `pg_ctlcluster ${cluster} main restart` };
      }
    }
  }

  private async killAndRestart(app: AppProcess, detail: string): Promise<{ target: string; detail: string }> {
    await app.kill();
    await delay(this.random.int(500, 3000));
    await app.start();
    return { target: app.instance, detail };
  }

  /**
   * Every open connection of every client to every broker stops carrying anything, for good —
   * a firewall or NAT gateway that forgot them; the brokers stay up and take new connections.
   * Under load the gateways must relay, and the connectors register, again within the bound.
   */
  private async silenceKafkaConnections(underLoad: () => boolean): Promise<{ target: string; detail: string; violation?: string }> {
    const { fleet, brokerProxies } = this.targets;
    const loadedAtStart = underLoad();
    const silenced = brokerProxies.reduce((sum, proxy) => sum + proxy.silenceOpenConnections(), 0);
    const silencedAt = Date.now();
    // Whatever was answered before the silence has been counted by now.
    await delay(1_000);
    const counters = [
      { what: 'relayed', apps: fleet.gateways, metric: RELAYED },
      { what: 'registered', apps: fleet.connectors, metric: HANDLED },
    ];
    const before = await Promise.all(counters.map((c) => this.sum(c.apps, c.metric)));
    const resumedAfter: (number | undefined)[] = counters.map(() => undefined);
    while (Date.now() - silencedAt < KAFKA_SILENCE_RESUME_BOUND_MS && resumedAfter.some((s) => s === undefined)) {
      await delay(500);
      const now = await Promise.all(counters.map((c) => this.sum(c.apps, c.metric)));
      now.forEach((n, i) => (resumedAfter[i] ??= n > before[i] ? (Date.now() - silencedAt) / 1000 : undefined));
    }
    const loadedAtEnd = underLoad();
    const detail = `${silenced} client connections to the brokers silent for good; ` +
      counters.map((c, i) => `${c.what} again after ${resumedAfter[i]?.toFixed(1) ?? '—'} s`).join(', ');
    const stalled = counters.filter((_, i) => resumedAfter[i] === undefined).map((c) => c.what);
    const violation = loadedAtStart && loadedAtEnd && stalled.length > 0
      ? `nothing ${stalled.join(' or ')} within ${KAFKA_SILENCE_RESUME_BOUND_MS / 1000} s of the apps' broker connections going silent, under load`
      : undefined;
    return { target: 'kafka clients', detail, violation };
  }

  /**
   * More partitions for the voucher topic while the load runs, with Kafka's own tool: the relay
   * must take them on (its `outbox_relay_partitions`) without a voucher's events leaving their
   * order — which the registry and topic checks see.
   */
  private async addPartitions(): Promise<{ target: string; detail: string; violation?: string }> {
    const { cluster, fleet, topic } = this.targets;
    const before = await cluster.partitionCount(topic);
    const after = before + PARTITIONS_ADDED;
    await cluster.addPartitions(topic, after);
    const started = Date.now();
    const relayingOn = async () => Math.max(0, ...(await Promise.all(fleet.gateways.map((g) => g.metric('outbox_relay_partitions')))));
    while ((await relayingOn()) < after && Date.now() - started < PARTITIONS_TAKEN_ON_BOUND_MS) await delay(500);
    const tookMs = Date.now() - started;
    const detail = `${before} → ${after} partitions; the relay wrote to all after ${(tookMs / 1000).toFixed(1)} s`;
    const violation = (await relayingOn()) < after
      ? `the relay did not write to the ${after} partitions of ${topic} within ${PARTITIONS_TAKEN_ON_BOUND_MS / 1000} s of their adding`
      : undefined;
    return { target: topic, detail, violation };
  }

  private async sum(apps: AppProcess[], metric: string): Promise<number> {
    return (await Promise.all(apps.map((app) => app.metric(metric)))).reduce((a, b) => a + b, 0);
  }

  /** The gateway whose relay counter moves: the lease holder, seen from its public /metrics. */
  private async relayingGateway(): Promise<AppProcess | undefined> {
    const gateways = this.targets.fleet.gateways;
    const before = await Promise.all(gateways.map((g) => g.metric(RELAYED)));
    await delay(400);
    const after = await Promise.all(gateways.map((g) => g.metric(RELAYED)));
    const moved = gateways.filter((_, i) => after[i] > before[i]);
    return moved[0];
  }
}
