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
 * round trip to the broker. Since partitions can be added to a topic in use, version 2 also
 * carries how many partitions of each topic the relay writes to (`PartitionPins`); left out by
 * earlier relays, and ignored by them when present, so a rollback still reads it.
 */
export interface RelayPosition {
  rows: NamedRow[];
  /** Version 1: where each row landed. */
  located?: PublishedRow[];
  scanFrom: ScanFrom;
  /** Per topic, the partitions the relay writes to (empty from earlier relays). */
  partitions: Map<string, number>;
}

/** Compact on purpose (a transaction can hold thousands of rows): topics once, rows as tuples. */
interface EncodedPositionV2 {
  v: 2;
  topics: string[];
  /** [outbox id, index into topics] */
  rows: [string, number][];
  /** [index into topics, partition, offset] */
  scanFrom: [number, number, string][];
  /** [index into topics, partition count] */
  partitions?: [number, number][];
}

interface EncodedPositionV1 {
  v: 1;
  topics: string[];
  /** [outbox id, index into topics, partition, offset] */
  rows: [string, number, number, string][];
}

export function encodeRelayPosition(rows: NamedRow[], scanFrom: ScanFrom, partitions: [string, number][] = []): string {
  const topics: string[] = [];
  const indexOf = (topic: string) => {
    const index = topics.indexOf(topic);
    return index < 0 ? topics.push(topic) - 1 : index;
  };
  const encodedRows = rows.map((row): [string, number] => [row.id, indexOf(row.topic)]);
  const encodedScanFrom = [...scanFrom].flatMap(([topic, offsets]) =>
    [...offsets].map(([partition, offset]): [number, number, string] => [indexOf(topic), partition, offset]));
  const encodedPartitions = partitions.map(([topic, count]): [number, number] => [indexOf(topic), count]);
  return JSON.stringify({ v: 2, topics, rows: encodedRows, scanFrom: encodedScanFrom, partitions: encodedPartitions } satisfies EncodedPositionV2);
}

export function decodeRelayPosition(value: Buffer | string): RelayPosition {
  const position = JSON.parse(value.toString()) as EncodedPositionV1 | EncodedPositionV2;
  if (position.v === 1 && Array.isArray(position.rows)) {
    const located = position.rows.map(([id, topic, partition, offset]) => ({ id, topic: position.topics[topic], partition, offset }));
    return { rows: located.map(({ id, topic }) => ({ id, topic })), located, scanFrom: new Map(), partitions: new Map() };
  }
  if (position.v === 2 && Array.isArray(position.rows) && Array.isArray(position.scanFrom)) {
    const scanFrom: ScanFrom = new Map();
    for (const [topic, partition, offset] of position.scanFrom) {
      const name = position.topics[topic];
      scanFrom.set(name, (scanFrom.get(name) ?? new Map()).set(partition, offset));
    }
    const partitions = new Map((position.partitions ?? []).map(([topic, count]) => [position.topics[topic], count]));
    return { rows: position.rows.map(([id, topic]) => ({ id, topic: position.topics[topic] })), scanFrom, partitions };
  }
  throw new Error('not a relay position (version 1 or 2)');
}
