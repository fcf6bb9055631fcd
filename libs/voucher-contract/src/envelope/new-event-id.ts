import { randomFillSync } from 'node:crypto';
import { v7 } from 'uuid';

/** Random bytes for ids, drawn from the system 4 KiB at a time. */
const pool = Buffer.alloc(4_096);
let poolNext = pool.length;
/** The last id's time and sequence: the next one in the same millisecond counts on from it. */
let lastMsecs = -Infinity;
let lastSeq = 0;

/**
 * A new event's id: a UUID version 7 (RFC 9562), whose first 48 bits are the time of its making
 * in milliseconds and which keeps increasing within one process. Every table
 * keyed by event id (the gateway's purchases, outbox and publications, the registry's processed
 * events, the shop's deliveries) then grows at the right edge of its B-tree instead of at random
 * pages: fewer pages touched per insert, and far fewer full-page images in the WAL after each
 * checkpoint. Draining 100,000 events with one subscriber (bench, alternating runs): 4,930 and
 * 5,264 registrations/s with such ids against 4,614 and 4,585 with random (version 4) ones, and
 * 156–164 against 175–181 µs connector CPU per event.
 *
 * The `uuid` package lays the id out; the random bytes come from a pool, not from its default
 * source, which asks Web Crypto for 16 bytes per id: that call was 2.9 % of the gateway's CPU
 * samples while accepting (474 ms of 16.2 s) and is gone from them now; alone, 1.87 against
 * 0.35 µs per id. Given its own bytes the package keeps no state, so the time
 * and sequence are kept here the way it keeps them itself: a new millisecond starts the sequence
 * at 31 random bits, the same millisecond counts on, and an overflow moves to the next one.
 *
 * Consumers must not read anything into an id but identity: any UUID is a valid event id.
 */
export function newEventId(): string {
  if (poolNext + 16 > pool.length) {
    randomFillSync(pool);
    poolNext = 0;
  }
  const random = pool.subarray(poolNext, (poolNext += 16));
  const now = Date.now();
  if (now > lastMsecs) {
    lastMsecs = now;
    lastSeq = ((random[6] & 0x7f) << 24) | (random[7] << 16) | (random[8] << 8) | random[9];
  } else {
    lastSeq = (lastSeq + 1) | 0;
    if (lastSeq === 0) lastMsecs++;
  }
  return v7({ random, msecs: lastMsecs, seq: lastSeq });
}
