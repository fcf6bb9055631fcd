import { createServer, Server } from 'node:net';
import { APP_PORTS, freePort } from './free-port';

describe('freePort', () => {
  const servers: Server[] = [];
  afterAll(async () => Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve)))));

  it('hands out ports below the ephemeral range, in turn, skipping one that something listens on', async () => {
    const first = await freePort();
    expect(first).toBeGreaterThanOrEqual(APP_PORTS.first);
    expect(first).toBeLessThan(APP_PORTS.first + APP_PORTS.count);
    expect(first).toBeLessThan(32768);

    // Whatever port comes next in turn is taken now: it must be skipped.
    const taken = APP_PORTS.first + ((first + 1 - APP_PORTS.first) % APP_PORTS.count);
    const server = createServer();
    servers.push(server);
    // (If something else already listens there, it must be skipped all the same.)
    await new Promise<void>((resolve) => {
      server.once('error', () => resolve());
      server.listen(taken, '127.0.0.1', () => resolve());
    });
    const second = await freePort();
    expect(second).not.toBe(first);
    expect(second).not.toBe(taken);
    expect(second).toBeGreaterThanOrEqual(APP_PORTS.first);
  });
});
