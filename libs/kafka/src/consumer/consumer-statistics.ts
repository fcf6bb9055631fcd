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
  /** Where librdkafka has handed records to the application up to (past transaction markers). */
  app_offset?: number;
  /** Records fetched and not yet handed to the application. */
  fetchq_cnt?: number;
}

/** A partition's lag as reported, and whether librdkafka had handed it over to its end. */
type ReportedLag = PartitionLag & { handedToEnd: boolean };

/** `topic[partition]`: how partitions are named in the sets below. */
export function partitionKey({ topic, partition }: { topic: string; partition: number }): string {
  return `${topic}[${partition}]`;
}

/**
 * Keeps the latest per-partition lag from librdkafka's statistics (the `stats_cb` JSON).
 * `consumer_lag` there is the last stable offset (read_committed) minus the committed offset.
 * That counts transaction markers as records: a partition the gateway's relay wrote (in Kafka
 * transactions) ends with a marker no consumer is handed, so the committed offset (last record +
 * 1) stays short of the end for good, and "records waiting" would never go back to 0. So a
 * partition is reported with a lag of 0 when librdkafka has handed everything up to the end to the
 * application (markers included), has nothing fetched left, and no batch of it is being handled.
 */
export class ConsumerStatistics {
  private latest?: { at: Date; partitions: ReportedLag[] };

  update(event: unknown): void {
    const json = typeof event === 'string' ? event : (event as { message?: unknown } | undefined)?.message;
    if (typeof json !== 'string') return;
    let parsed: { topics?: Record<string, { partitions?: Record<string, PartitionStatistics> }> };
    try {
      parsed = JSON.parse(json);
    } catch {
      return;
    }
    const partitions: ReportedLag[] = [];
    for (const [topic, { partitions: byId = {} } = {}] of Object.entries(parsed.topics ?? {})) {
      for (const stats of Object.values(byId)) {
        // -1 is librdkafka's internal "unassigned" partition.
        if (stats.partition < 0) continue;
        partitions.push({
          topic, partition: stats.partition,
          committed: known(stats.committed_offset), end: known(stats.ls_offset ?? stats.hi_offset),
          lag: stats.consumer_lag !== undefined && stats.consumer_lag >= 0 ? stats.consumer_lag : null,
          handedToEnd: handedToEnd(stats),
        });
      }
    }
    this.latest = { at: new Date(), partitions: partitions.sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition) };
  }

  /**
   * The latest report, limited to `assigned` (`topic[partition]`) partitions. `handling`: those of
   * which a batch is in hand: what they lag is records, whatever librdkafka has handed over.
   */
  lag(assigned: Set<string>, handling: ReadonlySet<string> = new Set()): { at: Date; partitions: PartitionLag[] } | undefined {
    if (!this.latest) return undefined;
    const partitions = this.latest.partitions
      .filter((reported) => assigned.has(partitionKey(reported)))
      .map(({ handedToEnd: toEnd, ...lag }) => (toEnd && !handling.has(partitionKey(lag)) && lag.lag !== null ? { ...lag, lag: 0 } : lag));
    return { at: this.latest.at, partitions };
  }
}

/** Everything up to the end (markers included) handed to the application, nothing fetched left. */
function handedToEnd({ app_offset: handed, ls_offset: end, fetchq_cnt: fetched }: PartitionStatistics): boolean {
  return handed !== undefined && end !== undefined && handed >= 0 && handed >= end && fetched === 0;
}

function known(offset: number | undefined): string | null {
  return offset !== undefined && offset >= 0 ? String(offset) : null;
}
