import { withTimeout } from './with-timeout';

describe('withTimeout', () => {
  it('passes the answer through when it comes in time', async () => {
    await expect(withTimeout(Promise.resolve(7), 1_000, 'waiting')).resolves.toBe(7);
  });

  it('rejects naming what it waited for when the time is up', async () => {
    await expect(withTimeout(new Promise(() => undefined), 10, 'waiting for the delivery reports'))
      .rejects.toThrow('timed out after 10 ms waiting for the delivery reports');
  });

  it('gives up at once when its signal aborts, naming the signal\'s reason', async () => {
    const giveUp = new AbortController();
    const waiting = withTimeout(new Promise(() => undefined), 60_000, 'waiting', giveUp.signal);
    giveUp.abort(new Error('the gateway is shutting down'));
    await expect(waiting).rejects.toThrow('given up waiting: the gateway is shutting down');
  });

  it('gives up before waiting when its signal has aborted already', async () => {
    const giveUp = new AbortController();
    giveUp.abort();
    await expect(withTimeout(new Promise(() => undefined), 60_000, 'waiting for acks', giveUp.signal)).rejects.toThrow(/^given up waiting for acks: /);
  });
});
