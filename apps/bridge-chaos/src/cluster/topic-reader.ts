import { spawn } from 'node:child_process';
import { command } from '../shell';

export interface TopicRecord {
  partition: number;
  offset: number;
  /** The record's timestamp (its producer's create time), ms. */
  timestamp: number;
  key: string | null;
  value: string | null;
}

/**
 * Reads a whole topic with kcat — a client independent of the bridge's own Kafka code — with
 * isolation.level=read_committed, as any consumer of the topic would: aborted transactions of a
 * killed relay must stay invisible.
 */
export async function readTopic(brokers: string, topic: string): Promise<TopicRecord[]> {
  const out = await command('kcat', [
    '-b', brokers, '-C', '-t', topic, '-o', 'beginning', '-e', '-J', '-q',
    '-X', 'isolation.level=read_committed',
  ], {}, 600_000);
  const records: TopicRecord[] = [];
  for (const line of out.split('\n')) {
    if (!line.trim()) continue;
    const message = JSON.parse(line) as { partition: number; offset: number; ts: number; key: string | null; payload: string | null };
    records.push({ partition: message.partition, offset: message.offset, timestamp: message.ts, key: message.key, value: message.payload });
  }
  return records;
}

/** Produces records as they are (key and value strings) with kcat: poison the bridge never wrote. */
export async function produceRaw(brokers: string, topic: string, records: { key: string; value: string }[]): Promise<void> {
  // kcat's -K separator splits key from value; a unit separator never occurs in our records.
  const input = records.map((r) => `${r.key}\u001f${r.value.replace(/\n/g, ' ')}`).join('\n') + '\n';
  await new Promise<void>((resolve, reject) => {
    const child = spawn('kcat', ['-b', brokers, '-P', '-t', topic, '-K', '\u001f', '-X', 'acks=all'], { stdio: ['pipe', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`kcat -P exited ${code}: ${stderr}`))));
    child.stdin.end(input);
  });
}
