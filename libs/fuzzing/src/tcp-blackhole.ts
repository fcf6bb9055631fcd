import { AddressInfo, createServer, Server, Socket, connect } from 'node:net';
import { once } from 'node:events';

interface Relayed {
  client: Socket;
  upstream: Socket;
  silent: boolean;
}

/**
 * A TCP proxy in front of a server that can make the connections it carries go silent: nothing
 * is forwarded any more either way, and nothing is closed — what a client sees when a firewall
 * drops a connection's state, a VM freezes or a network path fails (no RST, no FIN; the kernel
 * on each side still thinks the connection is up). New connections are relayed as usual.
 */
export class TcpBlackhole {
  private readonly server: Server;
  private readonly relayed = new Set<Relayed>();

  private constructor(private readonly targetHost: string, private readonly targetPort: number) {
    this.server = createServer((client) => this.relay(client));
  }

  /** Listens on `listenPort` of 127.0.0.1 (default: any free port). */
  static async start(targetHost: string, targetPort: number, listenPort = 0): Promise<TcpBlackhole> {
    const proxy = new TcpBlackhole(targetHost, targetPort);
    proxy.server.listen(listenPort, '127.0.0.1');
    await once(proxy.server, 'listening');
    return proxy;
  }

  /** A proxy in front of the server `url` names, and `url` with the proxy's port in its place. */
  static async inFrontOf(url: string): Promise<{ proxy: TcpBlackhole; url: string }> {
    const proxied = new URL(url);
    const proxy = await TcpBlackhole.start(proxied.hostname, Number(proxied.port || 5432));
    proxied.port = String(proxy.port);
    return { proxy, url: proxied.toString() };
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /**
   * Every connection open now stops carrying anything, and stays open. Returns how many. With
   * `resetAfterMs`, they are reset that much later (both sides see the connection end), as when
   * the network comes back and the peers find the connection's state gone.
   */
  silenceOpenConnections(resetAfterMs?: number): number {
    const silenced: Relayed[] = [];
    for (const connection of this.relayed) {
      if (connection.silent) continue;
      connection.silent = true;
      silenced.push(connection);
    }
    if (resetAfterMs !== undefined) {
      setTimeout(() => {
        for (const connection of silenced) {
          connection.client.resetAndDestroy();
          connection.upstream.resetAndDestroy();
          this.relayed.delete(connection);
        }
      }, resetAfterMs).unref();
    }
    return silenced.length;
  }

  async stop(): Promise<void> {
    for (const { client, upstream } of this.relayed) {
      client.destroy();
      upstream.destroy();
    }
    this.relayed.clear();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private relay(client: Socket): void {
    const upstream = connect(this.targetPort, this.targetHost);
    const connection: Relayed = { client, upstream, silent: false };
    this.relayed.add(connection);
    client.on('data', (chunk) => connection.silent || upstream.write(chunk));
    upstream.on('data', (chunk) => connection.silent || client.write(chunk));
    const close = () => {
      // A silenced connection's close is not passed on either: the other side never hears of it.
      if (connection.silent) return;
      this.relayed.delete(connection);
      client.destroy();
      upstream.destroy();
    };
    client.on('close', close);
    upstream.on('close', close);
    client.on('error', () => undefined);
    upstream.on('error', () => undefined);
  }
}
