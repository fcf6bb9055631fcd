import { ShopArrival } from '../shop/shop-endpoint';
import { CheckResult, ExpectedVoucher, checkResult } from './expectations';

export interface ShopFigures {
  arrivals: number;
  delivered: number;
  redelivered: number;
  /** Pushes of an event seen before that came again after a later sequence (a dispatcher that was paused past its claim). */
  staleRedeliveries: number;
  answered5xx: number;
}

function group(arrivals: ShopArrival[]): Map<string, ShopArrival[]> {
  const byCode = new Map<string, ShopArrival[]>();
  for (const arrival of arrivals) {
    const list = byCode.get(arrival.voucherCode) ?? [];
    list.push(arrival);
    byCode.set(arrival.voucherCode, list);
  }
  return byCode;
}

/** True once the shop acknowledged (2xx) every applied event of the voucher. */
export function shopHasAll(voucher: ExpectedVoucher, arrivals: ShopArrival[] | undefined): boolean {
  const delivered = new Set((arrivals ?? []).filter((a) => a.answered < 300).map((a) => a.webhookId));
  return voucher.events.every((e) => e.outcome !== 'applied' || delivered.has(e.eventId));
}

export function arrivalsByVoucher(arrivals: ShopArrival[]): Map<string, ShopArrival[]> {
  return group(arrivals);
}

/**
 * The shop's received log: each voucher's applied events in sequence order, each at least once
 * (acknowledged), the right event id and balance for each sequence, every signature valid.
 */
export function checkShop(expected: ExpectedVoucher[], arrivals: ShopArrival[]): { figures: ShopFigures; results: CheckResult[]; stale: CheckResult } {
  const signatures = checkResult('shop: every push signed validly (standardwebhooks)');
  const atLeastOnce = checkResult('shop: every applied event delivered at least once');
  const order = checkResult('shop: pushes of a voucher first arrive in sequence order');
  const content = checkResult('shop: each push names its event, sequence and balance as the model');
  for (const arrival of arrivals) if (!arrival.signatureValid) signatures.fail(`${arrival.webhookId}: signature refused`);
  const byCode = group(arrivals);
  const known = new Set(expected.map((v) => v.code));
  for (const code of byCode.keys()) if (!known.has(code)) content.fail(`push for a voucher never accepted: ${code.slice(-4)}`);
  let redelivered = 0;
  const stale = checkResult('shop (figure): stale redeliveries — an event pushed again after a later one');
  for (const voucher of expected) {
    const list = byCode.get(voucher.code) ?? [];
    const applied = new Map(voucher.events.filter((e) => e.outcome === 'applied').map((e) => [e.sequence!, e]));
    if (!shopHasAll(voucher, list)) atLeastOnce.fail(`${voucher.code}: ${applied.size} applied, acknowledged ${new Set(list.filter((a) => a.answered < 300).map((a) => a.sequence)).size}`);
    let highest = 0;
    const acknowledged = new Set<string>();
    const seen = new Set<string>();
    for (const arrival of list) {
      // Order is the order of first arrival (a shop drops a webhook-id it saw); an event that
      // comes again late is counted apart: at least once allows it, the README's wording not.
      if (arrival.sequence < highest) {
        if (seen.has(arrival.webhookId)) stale.fail(`${voucher.code}: sequence ${arrival.sequence} again after ${highest}`);
        else order.fail(`${voucher.code}: sequence ${arrival.sequence} first arrived after ${highest}`);
      }
      seen.add(arrival.webhookId);
      highest = Math.max(highest, arrival.sequence);
      const event = applied.get(arrival.sequence);
      if (!event || event.eventId !== arrival.webhookId || event.balanceAfter !== arrival.balance) {
        content.fail(`${voucher.code}: sequence ${arrival.sequence} webhook-id ${arrival.webhookId} balance ${arrival.balance}`);
      }
      if (arrival.answered < 300) {
        if (acknowledged.has(arrival.webhookId)) redelivered++;
        acknowledged.add(arrival.webhookId);
      }
    }
  }
  const figures = {
    arrivals: arrivals.length,
    delivered: arrivals.filter((a) => a.answered < 300).length,
    redelivered,
    staleRedeliveries: stale.violations,
    answered5xx: arrivals.filter((a) => a.answered >= 500).length,
  };
  return { figures, results: [signatures, atLeastOnce, order, content], stale };
}
