import { IncomingHttpHeaders, Server, createServer } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import { Webhook } from 'standardwebhooks';
import { SeededRandom } from '@voucher-bridge/fuzzing';

/** One push as the shop saw it: what it said, whether its signature held, what the shop answered. */
export interface ShopArrival {
  webhookId: string;
  voucherCode: string;
  sequence: number;
  balance: number;
  signatureValid: boolean;
  answered: number;
}

/**
 * The web shop's endpoint (node:http): verifies every push with the `standardwebhooks` package on
 * the raw body, answers 503 to a share of them, holds each answer a few milliseconds (so a
 * connector can be killed while pushes are in flight), and can go down for a stretch.
 */
export class ShopEndpoint {
  readonly arrivals: ShopArrival[] = [];
  inFlight = 0;
  failureShare: number;
  private server?: Server;
  private webhook?: Webhook;

  constructor(readonly port: number, failureShare: number, private readonly random: SeededRandom) {
    this.failureShare = failureShare;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}/shop/voucher-events`;
  }

  useSecret(secret: string): void {
    this.webhook = new Webhook(secret);
  }

  async start(): Promise<void> {
    const server = createServer((request, response) => {
      this.inFlight++;
      let open = true;
      const done = () => {
        if (open) this.inFlight--;
        open = false;
      };
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', async () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const arrival = this.record(body, request.headers);
        await delay(this.random.int(0, 20));
        arrival.answered = this.random.chance(this.failureShare) ? 503 : 204;
        this.arrivals.push(arrival);
        done();
        response.writeHead(arrival.answered).end();
      });
      request.on('error', done);
      response.on('close', done);
    });
    server.keepAliveTimeout = 30_000;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.server = server;
  }

  /** The shop going down: connections refused until `start` again. */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private record(body: string, headers: IncomingHttpHeaders): ShopArrival {
    let signatureValid = false;
    try {
      this.webhook?.verify(body, headers as Record<string, string>);
      signatureValid = !!this.webhook;
    } catch {
      signatureValid = false;
    }
    let data: { voucherCode?: string; sequence?: number; balance?: number } = {};
    try {
      data = (JSON.parse(body) as { data: typeof data }).data ?? {};
    } catch {
      // An unreadable body counts like a bad signature: the checker reports it.
      signatureValid = false;
    }
    return {
      webhookId: String(headers['webhook-id'] ?? ''),
      voucherCode: String(data.voucherCode ?? ''),
      sequence: Number(data.sequence ?? 0),
      balance: Number(data.balance ?? NaN),
      signatureValid,
      answered: 0,
    };
  }
}
