import { freePort } from '@voucher-bridge/app-launch';
import { IncomingHttpHeaders, Server, createServer } from 'node:http';

export interface ReceivedPush {
  headers: Record<string, string>;
  body: string;
  /** The parsed body: `{ type, id, timestamp, data }`. */
  json: { type: string; id: string; timestamp: string; data: Record<string, unknown> & { voucherCode: string; sequence: number } };
  receivedAt: number;
}

export type Answer = { status: number; headers?: Record<string, string> };

/** A shop endpoint run by the test (plain node:http): records every push and answers as told. */
export class WebhookReceiver {
  readonly received: ReceivedPush[] = [];
  /** Decides each answer; 204 unless a test says otherwise. */
  answer: (push: ReceivedPush) => Answer = () => ({ status: 204 });
  private server?: Server;
  private port = 0;

  get url(): string {
    return `http://127.0.0.1:${this.port}/webhooks/vouchers`;
  }

  /**
   * Listens (again) on the same port once it had one: the shop coming back. The port is one of
   * freePort's, not the OS's: while the shop is down, a client socket could otherwise take it.
   */
  async start(): Promise<void> {
    this.port ||= await freePort();
    const server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const push: ReceivedPush = { headers: flatten(request.headers), body, json: JSON.parse(body), receivedAt: Date.now() };
        this.received.push(push);
        const { status, headers } = this.answer(push);
        response.writeHead(status, headers).end();
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.server = server;
  }

  /** The shop going down: the port refuses connections until `start` again. */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Pushes of one voucher, in the order they arrived. */
  of(voucherCode: string): ReceivedPush[] {
    return this.received.filter((push) => push.json.data.voucherCode === voucherCode);
  }
}

function flatten(headers: IncomingHttpHeaders): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(', ') : value ?? '']));
}
