import { AcceptedEvent } from '../load/load-runner';
import { VoucherPlan } from '../load/voucher-plan';
import { EMPTY_STATE, ModelState, applyToModel } from '../load/voucher-model';

export interface ExpectedEvent {
  eventId: string;
  outcome: 'applied' | 'refused';
  rule?: string;
  /** The voucher's sequence after an applied event. */
  sequence?: number;
  balanceAfter: number;
}

export interface ExpectedVoucher {
  code: string;
  /** Accepted events in acceptance order. */
  events: ExpectedEvent[];
  final: ModelState;
}

export interface CheckResult {
  name: string;
  violations: number;
  examples: string[];
}

export function checkResult(name: string): CheckResult & { fail(example: string): void } {
  const result = {
    name, violations: 0, examples: [] as string[],
    fail(example: string) {
      result.violations++;
      if (result.examples.length < 20) result.examples.push(example);
    },
  };
  return result;
}

/**
 * The model of the accepted events only — what the 202s promised, independent of anything the
 * bridge stored: per voucher in acceptance order, each event's outcome and the balance after it.
 */
export function expectationsOf(plans: VoucherPlan[], accepted: AcceptedEvent[]): ExpectedVoucher[] {
  const byVoucher = new Map<number, AcceptedEvent[]>();
  for (const event of accepted) {
    const list = byVoucher.get(event.voucher) ?? [];
    list.push(event);
    byVoucher.set(event.voucher, list);
  }
  const expected: ExpectedVoucher[] = [];
  for (const [voucher, events] of byVoucher) {
    events.sort((a, b) => a.operation - b.operation);
    let state = EMPTY_STATE;
    let sequence = 0;
    const out: ExpectedEvent[] = [];
    for (const event of events) {
      const result = applyToModel(state, plans[voucher].operations[event.operation]);
      state = result.state;
      if (result.outcome === 'applied') sequence++;
      out.push({
        eventId: event.eventId, outcome: result.outcome, rule: result.rule,
        sequence: result.outcome === 'applied' ? sequence : undefined, balanceAfter: state.balance,
      });
    }
    expected.push({ code: plans[voucher].code, events: out, final: state });
  }
  return expected;
}
