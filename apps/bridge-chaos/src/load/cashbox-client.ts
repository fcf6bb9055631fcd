import { setTimeout as delay } from 'node:timers/promises';

export type Answer = { status: number; body: { eventId?: string } & Record<string, unknown> };

export interface ClientStats {
  requests: number;
  timeouts: number;
  connectionErrors: number;
  serverErrors: number;
  retries: number;
}

/**
 * A cashbox as the README tells it to behave: one Idempotency-Key per sale; a request that timed
 * out, could not connect or got a 5xx/429 is sent again with the same key — to the other gateway
 * if one is down — until it gets a definite answer.
 */
export class CashboxClient {
  readonly stats: ClientStats = { requests: 0, timeouts: 0, connectionErrors: 0, serverErrors: 0, retries: 0 };
  private turn = 0;

  constructor(private readonly gatewayUrls: string[], private readonly timeoutMs = 5000) {}

  async send(path: string, body: unknown, secret: string, idempotencyKey: string, giveUpAt: number): Promise<Answer | undefined> {
    for (let attempt = 0; Date.now() < giveUpAt; attempt++) {
      if (attempt > 0) {
        this.stats.retries++;
        await delay(Math.min(2000, 100 * attempt));
      }
      const url = this.gatewayUrls[this.turn++ % this.gatewayUrls.length] + path;
      this.stats.requests++;
      try {
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}`, 'idempotency-key': idempotencyKey },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(this.timeoutMs),
        });
        const text = await response.text();
        if (response.status >= 500 || response.status === 429) {
          this.stats.serverErrors++;
          continue;
        }
        return { status: response.status, body: text ? (JSON.parse(text) as Answer['body']) : {} };
      } catch (error) {
        if ((error as Error).name === 'TimeoutError') this.stats.timeouts++;
        else this.stats.connectionErrors++;
      }
    }
    return undefined;
  }
}
