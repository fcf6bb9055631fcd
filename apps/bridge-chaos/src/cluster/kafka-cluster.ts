import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { ROOT } from '../chaos-options';
import { command } from '../shell';

export const CLUSTER_SIZE = 3;

/**
 * The three-broker KRaft cluster of deploy/kafka/cluster.sh (RF 3, min ISR 2), under a name of its
 * own. Its clients reach broker n (0-based) through a proxy on `proxyBasePort + n`, in front of
 * the broker's own port `basePort + n`: the brokers name the proxies in their metadata.
 */
export class KafkaCluster {
  constructor(private readonly name: string, private readonly basePort: number, readonly proxyBasePort: number) {}

  /** The bootstrap list the apps and the harness use: the proxies. */
  get brokers(): string {
    return this.nodes().map((n) => `127.0.0.1:${this.proxyBasePort + n}`).join(',');
  }

  /** Where the proxy in front of broker n (0-based) forwards to. */
  brokerPort(n: number): number {
    return this.basePort + n;
  }

  nodes(): number[] {
    return Array.from({ length: CLUSTER_SIZE }, (_, n) => n);
  }

  async start(): Promise<void> {
    await this.script(['start']);
  }

  async stop(): Promise<void> {
    await this.script(['stop']);
  }

  async reset(): Promise<void> {
    await this.script(['reset']);
  }

  async createTopic(topic: string, partitions: number): Promise<void> {
    await this.script(['create-topic', topic, String(partitions)]);
  }

  async partitionCount(topic: string): Promise<number> {
    return Number((await this.script(['partitions', topic])).trim());
  }

  /** Gives `topic` `count` partitions in all (Kafka's own tool, as an operator would). */
  async addPartitions(topic: string, count: number): Promise<void> {
    await this.script(['add-partitions', topic, String(count)]);
  }

  async leader(topic: string, partition: number): Promise<number> {
    return Number((await this.script(['leader', topic, String(partition)])).trim());
  }

  async kill(node: number): Promise<void> {
    await this.script(['kill', String(node)]);
  }

  async startNode(node: number): Promise<void> {
    await this.script(['start-node', String(node)]);
  }

  /** After a kill, metadata may still name the dead node for the broker session (2.5 s). */
  async waitForNewLeader(topic: string, partition: number, old: number): Promise<number> {
    for (let attempt = 0; attempt < 60; attempt++) {
      const now = await this.leader(topic, partition).catch(() => old);
      if (now !== old && now > 0) return now;
      await delay(500);
    }
    return old;
  }

  private script(args: string[]): Promise<string> {
    return command(join(ROOT, 'deploy/kafka/cluster.sh'), args, {
      KAFKA_CLUSTER_NAME: this.name,
      KAFKA_CLUSTER_BASE_PORT: String(this.basePort),
      KAFKA_CLUSTER_PROXY_BASE_PORT: String(this.proxyBasePort),
      KAFKA_CLUSTER_SIZE: String(CLUSTER_SIZE),
    });
  }
}
