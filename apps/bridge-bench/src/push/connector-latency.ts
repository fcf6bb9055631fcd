import { createHash } from 'node:crypto';
import { Pool } from 'pg';
import { PUSH_TIMESTAMPS } from './connector-latency.sql';
import { PushReceiver } from './push-receiver';

/**
 * The connector's share of the push latency, p50 / p99: from the relay marking the event
 * published (Kafka fetch onwards) and from the registry transaction's start (delivery enqueued
 * onwards) to the receiver getting the push, for the given codes (the steady load's). Database
 * timestamps have millisecond precision and share the machine's clock with the receiver.
 */
export async function connectorLatency(pool: Pool, receiver: PushReceiver, codes: Iterable<string>): Promise<[string, string][]> {
  const byHash = new Map([...codes].flatMap((code) => {
    const at = receiver.arrivedAt.get(code);
    return at === undefined ? [] : [[createHash('sha256').update(code, 'utf8').digest('hex'), at] as const];
  }));
  const { rows } = await pool.query<{ hash: string; published_ms: number; registered_ms: number }>(PUSH_TIMESTAMPS, [[...byHash.keys()]]);
  const fromPublished = rows.map((row) => byHash.get(row.hash)! - Number(row.published_ms));
  const fromRegistered = rows.map((row) => byHash.get(row.hash)! - Number(row.registered_ms));
  return [
    ['push latency: relay published → shop p50 / p99', percentiles(fromPublished)],
    ['push latency: registry tx → shop p50 / p99', percentiles(fromRegistered)],
  ];
}

function percentiles(values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]?.toFixed(0) ?? 'n/a';
  return `${at(0.5)} ms / ${at(0.99)} ms`;
}
