import { Server, createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';

/**
 * The shop's endpoint at its cheapest: takes the body, answers 204, notes when each voucher's
 * push arrived (the bench's own clock, the same that timed the 202). Signatures are not checked:
 * the e2e suite proves them; here only the connector's cost is measured.
 */
export class PushReceiver {
  readonly arrivals = new Map<string, number>();
  /** The same arrivals by the wall clock, to compare with the database's timestamps. */
  readonly arrivedAt = new Map<string, number>();
  received = 0;
  private server?: Server;

  async start(): Promise<string> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const at = performance.now();
        this.received++;
        const code = (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { data: { voucherCode: string } }).data.voucherCode;
        if (!this.arrivals.has(code)) {
          this.arrivals.set(code, at);
          this.arrivedAt.set(code, Date.now());
        }
        response.writeHead(204).end();
      });
    });
    this.server.keepAliveTimeout = 60_000;
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/shop/vouchers`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
