/** One partition's lag; offsets as decimal strings (64-bit), null while librdkafka does not know them. */
export interface PartitionLag {
  topic: string;
  partition: number;
  committed: string | null;
  /** The last stable offset: the end a read_committed consumer can reach. */
  end: string | null;
  lag: number | null;
}

interface PartitionStatistics {
  partition: number;
  committed_offset?: number;
  ls_offset?: number;
  hi_offset?: number;
  consumer_lag?: number;
}

/**
 * Keeps the latest per-partition lag from librdkafka's statistics (the `stats_cb` JSON).
 * `consumer_lag` there is the last stable offset (read_committed) minus the committed offset.
 */
export class ConsumerStatistics {
  private latest?: { at: Date; partitions: PartitionLag[] };

  update(event: unknown): void {
    const json = typeof event === 'string' ? event : (event as { message?: unknown } | undefined)?.message;
    if (typeof json !== 'string') return;
    let parsed: { topics?: Record<string, { partitions?: Record<string, PartitionStatistics> }> };
    try {
      parsed = JSON.parse(json);
    } catch {
      return;
    }
    const partitions: PartitionLag[] = [];
    for (const [topic, { partitions: byId = {} } = {}] of Object.entries(parsed.topics ?? {})) {
      for (const stats of Object.values(byId)) {
        // -1 is librdkafka's internal "unassigned" partition.
        if (stats.partition < 0) continue;
        partitions.push({
          topic, partition: stats.partition,
          committed: known(stats.committed_offset), end: known(stats.ls_offset ?? stats.hi_offset),
          lag: stats.consumer_lag !== undefined && stats.consumer_lag >= 0 ? stats.consumer_lag : null,
        });
      }
    }
    this.latest = { at: new Date(), partitions: partitions.sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition) };
  }

  /** The latest report, limited to `assigned` (`topic[partition]`) partitions. */
  lag(assigned: Set<string>): { at: Date; partitions: PartitionLag[] } | undefined {
    if (!this.latest) return undefined;
    return { at: this.latest.at, partitions: this.latest.partitions.filter(({ topic, partition }) => assigned.has(`${topic}[${partition}]`)) };
  }
}

function known(offset: number | undefined): string | null {
  return offset !== undefined && offset >= 0 ? String(offset) : null;
}
