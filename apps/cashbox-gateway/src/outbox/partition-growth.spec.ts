import { VoucherTopics } from '@voucher-bridge/config';
import type { KafkaAdminService, KafkaRecordReader, PartitionEnds, RecordLocation } from '@voucher-bridge/kafka';
import { Gauge } from '@voucher-bridge/metrics';
import { GatewayEnvironment } from '../config/gateway.environment';
import { PartitionGrowth } from './partition-growth';
import { PartitionPins } from './partition-pins';

/** A cluster whose topic prod.voucher has `count` partitions, each ending at 10, and one reader group. */
class FakeCluster {
  count = 6;
  committed = new Map<number, bigint>();
  failing?: Error;
  checks = 0;

  async partitionCount(): Promise<number> {
    this.checks++;
    if (this.failing) throw this.failing;
    return this.count;
  }

  async partitionEnds(): Promise<Map<number, PartitionEnds>> {
    return new Map(Array.from({ length: this.count }, (_, p) => [p, { low: 0n, high: 10n, stable: 10n }]));
  }

  async committedOffsets(): Promise<Map<number, bigint>> {
    return this.committed;
  }
}

/** The last entry of each partition: a transaction marker, unless `records` names the partition. */
class FakeReader {
  records = new Set<number>();
  reads = 0;

  async read(locations: RecordLocation[]) {
    this.reads += locations.length;
    return locations.map(({ partition }) => (this.records.has(partition) ? { partition } : undefined));
  }
}

function growthOver(cluster: FakeCluster, settings: Partial<GatewayEnvironment> = {}, reader = new FakeReader()) {
  const env = Object.assign(new GatewayEnvironment(), { OUTBOX_PARTITION_CHECK_INTERVAL_MS: 100, OUTBOX_PARTITION_HOLD_MS: 600, OUTBOX_PARTITION_RETRY_MS: 60_000, ...settings });
  const gauge = new Gauge({ name: `outbox_relay_partitions_spec_${Math.random().toString(36).slice(2)}`, help: 'spec', labelNames: ['topic'], registers: [] });
  const topicGauge = new Gauge({ name: `outbox_topic_partitions_spec_${Math.random().toString(36).slice(2)}`, help: 'spec', labelNames: ['topic'], registers: [] });
  const growth = new PartitionGrowth(cluster as unknown as KafkaAdminService, reader as unknown as KafkaRecordReader, gauge, topicGauge, env, new VoucherTopics('prod'));
  const pins = new PartitionPins();
  pins.seed(new Map([['prod.voucher', 3]]));
  return { growth, pins, gauge, topicGauge };
}

const readTo = (offset: bigint, partitions: number) => new Map(Array.from({ length: partitions }, (_, p) => [p, offset]));

describe('PartitionGrowth', () => {
  const signal = new AbortController().signal;

  it('takes on the added partitions at once when the readers have read the old ones to their end', async () => {
    const cluster = new FakeCluster();
    cluster.committed = readTo(9n, 3);
    const { growth, pins, gauge, topicGauge } = growthOver(cluster);
    expect(await growth.adopt(pins, signal)).toEqual([['prod.voucher', 6]]);
    expect((await topicGauge.get()).values).toEqual([expect.objectContaining({ labels: { topic: 'prod.voucher' }, value: 6 })]);
    expect(pins.entries()).toEqual([['prod.voucher', 6]]);
    expect((await gauge.get()).values).toEqual([expect.objectContaining({ labels: { topic: 'prod.voucher' }, value: 6 })]);
  });

  it('holds until the readers catch up, then takes them on', async () => {
    const cluster = new FakeCluster();
    cluster.committed = new Map([[0, 9n], [1, 4n], [2, 9n]]);
    const { growth, pins } = growthOver(cluster, { OUTBOX_PARTITION_HOLD_MS: 5_000 });
    setTimeout(() => cluster.committed.set(1, 10n), 300);
    const started = Date.now();
    await growth.adopt(pins, signal);
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    expect(pins.entries()).toEqual([['prod.voucher', 6]]);
  });

  it('keeps the old partitions when the readers do not catch up in time, and tries again only after the retry interval', async () => {
    const cluster = new FakeCluster();
    cluster.committed = readTo(9n, 2); // partition 2 never read
    const { growth, pins } = growthOver(cluster, { OUTBOX_PARTITION_RETRY_MS: 400 });
    expect(await growth.adopt(pins, signal)).toEqual([]);
    expect(pins.entries()).toEqual([['prod.voucher', 3]]);
    cluster.committed = readTo(9n, 3);
    await new Promise((resolve) => setTimeout(resolve, 150));
    const checksBefore = cluster.checks;
    await growth.adopt(pins, signal); // a check is due, the retry is not
    expect(cluster.checks).toBe(checksBefore);
    expect(pins.entries()).toEqual([['prod.voucher', 3]]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await growth.adopt(pins, signal);
    expect(pins.entries()).toEqual([['prod.voucher', 6]]);
  });

  it('counts a partition ending with a record (not written by the relay) read only once the group committed past it', async () => {
    const cluster = new FakeCluster();
    cluster.committed = readTo(9n, 3);
    const reader = new FakeReader();
    reader.records.add(1);
    const { growth, pins } = growthOver(cluster, { OUTBOX_PARTITION_HOLD_MS: 5_000 }, reader);
    setTimeout(() => cluster.committed.set(1, 10n), 1_200);
    await growth.adopt(pins, signal);
    expect(pins.entries()).toEqual([['prod.voucher', 6]]);
    // Each partition's last entry was read once, however often the hold asked.
    expect(reader.reads).toBe(3);
  });

  it('waits for every reader group named', async () => {
    const cluster = new FakeCluster();
    const committedBy = new Map([['prod.eshop-connector', readTo(9n, 3)], ['prod.audit', readTo(3n, 3)]]);
    cluster.committedOffsets = async (group?: string) => committedBy.get(group!)!;
    const { growth, pins } = growthOver(cluster, { OUTBOX_READER_GROUPS: 'prod.eshop-connector,prod.audit', OUTBOX_PARTITION_HOLD_MS: 0 });
    await growth.adopt(pins, signal);
    expect(pins.entries()).toEqual([['prod.voucher', 3]]);
  });

  it('asks the cluster only once per check interval, and leaves the pins alone when it does not answer', async () => {
    const cluster = new FakeCluster();
    cluster.count = 3;
    const { growth, pins } = growthOver(cluster);
    await growth.adopt(pins, signal);
    await growth.adopt(pins, signal);
    expect(cluster.checks).toBe(1);
    cluster.failing = new Error('Broker transport failure');
    await new Promise((resolve) => setTimeout(resolve, 120));
    await expect(growth.adopt(pins, signal)).resolves.toEqual([]);
    expect(pins.entries()).toEqual([['prod.voucher', 3]]);
  });
});
