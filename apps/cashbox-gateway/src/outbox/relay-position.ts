/** One outbox row the relay published, and where it landed. */
export interface PublishedRow {
  id: string;
  topic: string;
  partition: number;
  offset: string;
}

/** An outbox row a position names: its id and the topic it went to. */
export type NamedRow = Pick<PublishedRow, 'id' | 'topic'>;

/** Per topic, per partition: an offset (a decimal string) no named row's record lies before. */
export type ScanFrom = Map<string, Map<number, string>>;

/**
 * The relay's position: the outbox rows one Kafka transaction published (and those of earlier
 * ones still being marked sent), written as a record on the position topic inside that same
 * transaction. So it is committed exactly when they are, and a new relay marks them sent (they
 * may never have been) before publishing anything.
 *
 * Version 2 names the rows and, per partition, where to start looking for them: it is sent in
 * the same round as the rows' records, before their offsets are known. Version 1 (written by
 * earlier relays, still read) also gave each row's offset, which cost the transaction a second
 * round trip to the broker.
 */
export interface RelayPosition {
  rows: NamedRow[];
  /** Version 1: where each row landed. */
  located?: PublishedRow[];
  scanFrom: ScanFrom;
}

/** Compact on purpose (a transaction can hold thousands of rows): topics once, rows as tuples. */
interface EncodedPositionV2 {
  v: 2;
  topics: string[];
  /** [outbox id, index into topics] */
  rows: [string, number][];
  /** [index into topics, partition, offset] */
  scanFrom: [number, number, string][];
}

interface EncodedPositionV1 {
  v: 1;
  topics: string[];
  /** [outbox id, index into topics, partition, offset] */
  rows: [string, number, number, string][];
}

export function encodeRelayPosition(rows: NamedRow[], scanFrom: ScanFrom): string {
  const topics: string[] = [];
  const indexOf = (topic: string) => {
    const index = topics.indexOf(topic);
    return index < 0 ? topics.push(topic) - 1 : index;
  };
  const encodedRows = rows.map((row): [string, number] => [row.id, indexOf(row.topic)]);
  const encodedScanFrom = [...scanFrom].flatMap(([topic, offsets]) =>
    [...offsets].map(([partition, offset]): [number, number, string] => [indexOf(topic), partition, offset]));
  return JSON.stringify({ v: 2, topics, rows: encodedRows, scanFrom: encodedScanFrom } satisfies EncodedPositionV2);
}

export function decodeRelayPosition(value: Buffer | string): RelayPosition {
  const position = JSON.parse(value.toString()) as EncodedPositionV1 | EncodedPositionV2;
  if (position.v === 1 && Array.isArray(position.rows)) {
    const located = position.rows.map(([id, topic, partition, offset]) => ({ id, topic: position.topics[topic], partition, offset }));
    return { rows: located.map(({ id, topic }) => ({ id, topic })), located, scanFrom: new Map() };
  }
  if (position.v === 2 && Array.isArray(position.rows) && Array.isArray(position.scanFrom)) {
    const scanFrom: ScanFrom = new Map();
    for (const [topic, partition, offset] of position.scanFrom) {
      const name = position.topics[topic];
      scanFrom.set(name, (scanFrom.get(name) ?? new Map()).set(partition, offset));
    }
    return { rows: position.rows.map(([id, topic]) => ({ id, topic: position.topics[topic] })), scanFrom };
  }
  throw new Error('not a relay position (version 1 or 2)');
}
