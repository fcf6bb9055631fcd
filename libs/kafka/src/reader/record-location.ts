/** Where a record lives: topic, partition and offset (a decimal string: offsets are 64-bit). */
export interface RecordLocation {
  topic: string;
  partition: number;
  offset: string;
}

/** A record read back by its location: raw key and value, as the consumer saw them. */
export interface StoredRecord extends RecordLocation {
  key: Buffer | null;
  value: Buffer | null;
  headers: Record<string, string>;
}
