import { v7 } from 'uuid';

/**
 * A new event's id: a UUID version 7 (RFC 9562), whose first 48 bits are the time of its making
 * in milliseconds and which the `uuid` package keeps increasing within one process. Every table
 * keyed by event id (the gateway's purchases, outbox and publications, the registry's processed
 * events, the shop's deliveries) then grows at the right edge of its B-tree instead of at random
 * pages: fewer pages touched per insert, and far fewer full-page images in the WAL after each
 * checkpoint. Draining 100,000 events with one subscriber (bench, alternating runs): 4,930 and
 * 5,264 registrations/s with such ids against 4,614 and 4,585 with random (version 4) ones, and
 * 156–164 against 175–181 µs connector CPU per event.
 *
 * Consumers must not read anything into an id but identity: any UUID is a valid event id.
 */
export function newEventId(): string {
  return v7();
}
