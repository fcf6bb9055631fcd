import { createServer } from 'node:net';

/**
 * Ports handed out to apps started by the bench and the e2e suite: below Linux's ephemeral range
 * (32768–60999), and apart from the fixed ports of the dev broker (19092…), the chaos clusters
 * (28000…, 29500…) and the suite's broker (29092).
 */
export const APP_PORTS = { first: 20000, count: 8000 } as const;

let next = Math.floor(Math.random() * APP_PORTS.count);

/**
 * A TCP port on 127.0.0.1 that nothing listens on right now, for an app about to be started on it.
 *
 * Not one the OS picks for `listen(0)`: that comes from the ephemeral range, from which the OS also
 * picks the local port of every outgoing connection, so in the second between the choice and the
 * app's own `listen` a client socket (to the broker, the database, the other app) could take it —
 * seen in CI as EADDRINUSE. Below that range only listeners compete, and one that listens now is
 * skipped. Ports are handed out in turn from a random start, so a port just released (or one a
 * restarted app comes back on) is not handed out again soon.
 */
export async function freePort(): Promise<number> {
  for (let tried = 0; tried < APP_PORTS.count; tried++) {
    const port = APP_PORTS.first + (next++ % APP_PORTS.count);
    if (await canListen(port)) return port;
  }
  throw new Error(`no free port in ${APP_PORTS.first}–${APP_PORTS.first + APP_PORTS.count - 1}`);
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}
