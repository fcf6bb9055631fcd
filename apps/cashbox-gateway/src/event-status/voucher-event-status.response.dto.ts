/** Stored durably, not on Kafka yet (the relay is behind, or Kafka is away). */
export interface VoucherEventNotYetPublishedDto {
  eventId: string;
  status: 'accepted';
}

/** Committed to Kafka: where a consumer finds it. */
export interface VoucherEventPublishedDto {
  eventId: string;
  status: 'published';
  topic: string;
  partition: number;
  /** A string: Kafka offsets are 64-bit. */
  offset: string;
  publishedAt: string;
}

export type VoucherEventStatusDto = VoucherEventNotYetPublishedDto | VoucherEventPublishedDto;
