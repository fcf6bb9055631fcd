import { OutboxSignal } from './outbox.signal';

/** Resolves with which came first: the promise or a timer of `ms`. */
async function settlesWithin<T>(promise: Promise<T>, ms: number): Promise<'settled' | 'timer'> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timer'>((resolve) => { timer = setTimeout(() => resolve('timer'), ms); });
  try {
    return await Promise.race([promise.then(() => 'settled' as const), timedOut]);
  } finally {
    clearTimeout(timer);
  }
}

describe('OutboxSignal', () => {
  it('wakes a waiting relay on notify', async () => {
    const signal = new OutboxSignal();
    const waiting = signal.wait(60_000);
    signal.notify();
    expect(await settlesWithin(waiting, 1_000)).toBe('settled');
  });

  it('keeps a notify that came while nobody waited (the relay was publishing) for the next wait', async () => {
    const signal = new OutboxSignal();
    signal.notify();
    expect(await settlesWithin(signal.wait(60_000), 1_000)).toBe('settled');
    // Used up: the wait after it sleeps until the next notify or its timeout.
    const next = signal.wait(60_000);
    expect(await settlesWithin(next, 50)).toBe('timer');
    signal.notify();
    await next;
  });

  it('returns after the timeout when nothing is accepted', async () => {
    const signal = new OutboxSignal();
    expect(await settlesWithin(signal.wait(10), 1_000)).toBe('settled');
  });
});
