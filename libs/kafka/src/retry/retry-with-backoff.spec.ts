import { retryWithBackoff } from './retry-with-backoff';

const quietLogger = { log: jest.fn(), warn: jest.fn(), error: jest.fn() };

describe('retryWithBackoff', () => {
  it('retries a failing attempt until it succeeds', async () => {
    let calls = 0;
    const result = await retryWithBackoff(
      async () => {
        calls++;
        if (calls < 3) throw new Error(`failure ${calls}`);
        return 'done';
      },
      { what: 'test', logger: quietLogger, signal: new AbortController().signal, initialDelayMs: 1 },
    );
    expect(result).toBe('done');
    expect(calls).toBe(3);
    expect(quietLogger.warn).toHaveBeenCalledTimes(2);
  });

  it('gives up as soon as it is aborted, without another attempt', async () => {
    const controller = new AbortController();
    let calls = 0;
    const retrying = retryWithBackoff(
      async () => {
        calls++;
        throw new Error('still down');
      },
      { what: 'test', logger: quietLogger, signal: controller.signal, initialDelayMs: 60_000 },
    );
    await new Promise((resolve) => setImmediate(resolve));
    controller.abort();
    await expect(retrying).rejects.toThrow();
    expect(calls).toBe(1);
  });
});
