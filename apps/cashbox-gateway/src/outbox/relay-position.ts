/** One outbox row the relay published, and where it landed. */
export interface PublishedRow {
  id: string;
  topic: string;
  partition: number;
  offset: string;
}

/**
 * The relay's position: the outbox rows one Kafka transaction published, written as a record on
 * the position topic inside that same transaction. So it is committed exactly when they are, and
 * a new relay marks them sent (they may never have been) before publishing anything.
 *
 * Compact on purpose (a transaction can hold thousands of rows): topics once, rows as tuples.
 */
interface EncodedPosition {
  v: 1;
  topics: string[];
  /** [outbox id, index into topics, partition, offset] */
  rows: [string, number, number, string][];
}

export function encodeRelayPosition(rows: PublishedRow[]): string {
  const topics: string[] = [];
  const encoded = rows.map((row): [string, number, number, string] => {
    let index = topics.indexOf(row.topic);
    if (index < 0) index = topics.push(row.topic) - 1;
    return [row.id, index, row.partition, row.offset];
  });
  return JSON.stringify({ v: 1, topics, rows: encoded } satisfies EncodedPosition);
}

export function decodeRelayPosition(value: Buffer | string): PublishedRow[] {
  const position = JSON.parse(value.toString()) as EncodedPosition;
  if (position.v !== 1 || !Array.isArray(position.rows)) throw new Error('not a relay position (version 1)');
  return position.rows.map(([id, topic, partition, offset]) => ({ id, topic: position.topics[topic], partition, offset }));
}
