import { TopicRecord } from '../cluster/topic-reader';
import { CheckResult, ExpectedVoucher, checkResult } from './expectations';

export interface TopicFigures {
  records: number;
  lost: number;
  duplicated: number;
  reordered: number;
  unreadable: number;
}

/**
 * Every accepted event on the topic exactly once, and per voucher in acceptance order — read by an
 * independent client with read_committed. Within a partition the offsets give the order; a
 * voucher whose events moved to another partition (partitions were added) has the later ones
 * written later, after a pause of the relay: between partitions the timestamps give the order.
 */
export function checkTopic(expected: ExpectedVoucher[], records: TopicRecord[]): { figures: TopicFigures; results: CheckResult[] } {
  const lost = checkResult('topic: every accepted event is on the topic (lost)');
  const duplicated = checkResult('topic: no event twice (duplicated)');
  const reordered = checkResult('topic: per voucher in acceptance order (reordered)');
  const unreadable = checkResult('topic: every record readable, keyed by its voucher code');
  const seen = new Map<string, number>();
  const byCode = new Map<string, string[]>();
  const sorted = [...records].sort((a, b) => (a.partition === b.partition ? a.offset - b.offset : a.timestamp - b.timestamp || a.partition - b.partition));
  for (const record of sorted) {
    let event: { eventId?: string; voucherCode?: string };
    try {
      event = JSON.parse(record.value ?? '') as typeof event;
    } catch {
      unreadable.fail(`partition ${record.partition} offset ${record.offset}: not JSON`);
      continue;
    }
    if (!event.eventId || event.voucherCode !== record.key) {
      unreadable.fail(`partition ${record.partition} offset ${record.offset}: key and code differ or no eventId`);
      continue;
    }
    seen.set(event.eventId, (seen.get(event.eventId) ?? 0) + 1);
    const list = byCode.get(event.voucherCode) ?? [];
    list.push(event.eventId);
    byCode.set(event.voucherCode, list);
  }
  for (const voucher of expected) {
    for (const event of voucher.events) {
      const count = seen.get(event.eventId) ?? 0;
      if (count === 0) lost.fail(`${voucher.code}: ${event.eventId}`);
      if (count > 1) duplicated.fail(`${voucher.code}: ${event.eventId} ×${count}`);
    }
    const onTopic = [...new Set(byCode.get(voucher.code) ?? [])];
    const wanted = voucher.events.map((e) => e.eventId);
    const accepted = new Set(wanted);
    const order = onTopic.filter((id) => accepted.has(id));
    const present = wanted.filter((id) => seen.has(id));
    if (order.join() !== present.join()) reordered.fail(`${voucher.code}: topic ${order.join(' ')} ≠ accepted ${present.join(' ')}`);
  }
  return {
    figures: { records: records.length, lost: lost.violations, duplicated: duplicated.violations, reordered: reordered.violations, unreadable: unreadable.violations },
    results: [lost, duplicated, reordered, unreadable],
  };
}
