import { connectWithRetry } from './connect-with-retry';

const quietLogger = { log: jest.fn(), warn: jest.fn(), error: jest.fn() };

/** Behaves like a CKJS client: connect() once per instance, "already called" after that. */
class OneShotClient {
  static instances: OneShotClient[] = [];
  connectCalls = 0;
  disconnected = false;

  constructor(private readonly reachable: () => boolean) {
    OneShotClient.instances.push(this);
  }

  async connect(): Promise<void> {
    if (this.connectCalls++ > 0) throw new Error('Connect has already been called elsewhere.');
    if (!this.reachable()) throw new Error('broker transport failure');
  }

  async disconnect(): Promise<void> {
    this.disconnected = true;
  }
}

describe('connectWithRetry', () => {
  beforeEach(() => (OneShotClient.instances = []));

  it('connects a fresh client per attempt and disconnects the failed ones', async () => {
    let attempts = 0;
    const client = await connectWithRetry(() => new OneShotClient(() => ++attempts >= 3), {
      what: 'test', logger: quietLogger, signal: new AbortController().signal, initialDelayMs: 1,
    });
    expect(OneShotClient.instances).toHaveLength(3);
    expect(OneShotClient.instances.every((c) => c.connectCalls === 1)).toBe(true);
    expect(OneShotClient.instances.map((c) => c.disconnected)).toEqual([true, true, false]);
    expect(client).toBe(OneShotClient.instances[2]);
  });

  it('discards a client whose preparation failed and prepares the next one', async () => {
    let prepared = 0;
    const client = await connectWithRetry(() => new OneShotClient(() => true), {
      what: 'test', logger: quietLogger, signal: new AbortController().signal, initialDelayMs: 1,
      prepare: async () => {
        if (++prepared === 1) throw new Error('Unknown topic or partition');
      },
    });
    expect(OneShotClient.instances.map((c) => c.disconnected)).toEqual([true, false]);
    expect(client).toBe(OneShotClient.instances[1]);
  });
});
