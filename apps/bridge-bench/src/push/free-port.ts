import { createServer } from 'node:net';

/**
 * A port nothing listens on right now, chosen by the OS: a fixed one in the ephemeral range can
 * be held by an outgoing connection (seen: the connector's own port in TIME_WAIT towards Kafka).
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
