import { PeriodicTask } from './periodic-task';

describe('PeriodicTask', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('runs on every tick, and once at start when asked', async () => {
    const task = jest.fn().mockResolvedValue(undefined);
    const periodic = new PeriodicTask(task, { intervalMs: 1_000, runAtStart: true, onError: jest.fn() });
    periodic.start();
    expect(task).toHaveBeenCalledTimes(1);
    await jest.advanceTimersByTimeAsync(2_000);
    expect(task).toHaveBeenCalledTimes(3);
    await periodic.stop();
    await jest.advanceTimersByTimeAsync(5_000);
    expect(task).toHaveBeenCalledTimes(3);
  });

  it('skips ticks while a run is in progress, and stop() waits for it', async () => {
    let finish!: () => void;
    const task = jest.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    const periodic = new PeriodicTask(task, { intervalMs: 1_000, onError: jest.fn() });
    periodic.start();
    await jest.advanceTimersByTimeAsync(3_000);
    expect(task).toHaveBeenCalledTimes(1);
    let stopped = false;
    const stopping = periodic.stop().then(() => (stopped = true));
    await Promise.resolve();
    expect(stopped).toBe(false);
    finish();
    await stopping;
    expect(stopped).toBe(true);
  });

  it('reports a failed run and runs again at the next tick', async () => {
    const onError = jest.fn();
    const task = jest.fn().mockRejectedValueOnce(new Error('database away')).mockResolvedValue(undefined);
    const periodic = new PeriodicTask(task, { intervalMs: 1_000, onError });
    periodic.start();
    await jest.advanceTimersByTimeAsync(1_000);
    expect(onError).toHaveBeenCalledWith(new Error('database away'));
    await jest.advanceTimersByTimeAsync(1_000);
    expect(task).toHaveBeenCalledTimes(2);
    await periodic.stop();
  });
});
