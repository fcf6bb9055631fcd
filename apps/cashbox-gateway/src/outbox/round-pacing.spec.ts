import { RoundPacing } from './round-pacing';

describe('RoundPacing (busy from 800 rows/s, rounds then 100 ms apart)', () => {
  let clock: number;
  let pacing: RoundPacing;
  beforeEach(() => {
    clock = 1_000;
    pacing = new RoundPacing(800, 100, () => clock);
  });

  /** A round beginning `afterMs` after the one before, carrying `rows`. */
  function round(afterMs: number, rows: number): void {
    clock += afterMs;
    pacing.started();
    pacing.finished(rows);
  }

  it('asks for no wait before the first round, nor after it (no rate known yet)', () => {
    expect(pacing.delayMs()).toBe(0);
    round(0, 5_000);
    expect(pacing.delayMs()).toBe(0);
  });

  it('relays a quiet outbox at once: 500 rows/s in rounds 40 ms apart', () => {
    round(0, 20);
    round(40, 20);
    expect(pacing.delayMs()).toBe(0);
  });

  it('spaces the rounds of a busy outbox from the start of the last one: 2,500 rows/s', () => {
    round(0, 100);
    round(40, 100);
    clock += 30;
    expect(pacing.delayMs()).toBe(70);
    clock += 60;
    expect(pacing.delayMs()).toBe(10);
    clock += 20;
    expect(pacing.delayMs()).toBe(0);
  });

  it('keeps spacing while the rate holds, and stops when it drops below', () => {
    round(0, 100);
    round(40, 100);
    round(100, 80); // 800 rows/s, spaced rounds
    expect(pacing.delayMs()).toBe(100);
    round(100, 50); // 500 rows/s
    expect(pacing.delayMs()).toBe(0);
  });

  it('never spaces when switched off (rate 0)', () => {
    pacing = new RoundPacing(0, 100, () => clock);
    round(0, 5_000);
    round(10, 5_000);
    expect(pacing.delayMs()).toBe(0);
  });
});
