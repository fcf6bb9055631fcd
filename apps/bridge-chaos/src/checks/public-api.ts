import { setTimeout as delay } from 'node:timers/promises';

export interface LookupHistoryItem {
  eventId: string;
  outcome: 'applied' | 'refused';
  sequence?: number;
  rule?: string;
  balanceAfter: number;
}

export interface LookupAnswer {
  status: string;
  balance: number;
  history: LookupHistoryItem[];
}

export interface ParkedItem {
  id: string;
  kind: string;
  eventId: string | null;
  reason: string;
  /** Records: where the record was read. */
  source?: { topic: string; partition: number; offset: string };
}

/** The shop's and the operators' public HTTP APIs on the connectors, tried on each in turn. */
export class PublicApi {
  private turn = 0;

  constructor(private readonly connectorUrls: string[], private readonly shopKey: string, private readonly operatorKey: string) {}

  /** The voucher as the shop sees it; undefined while it is not registered (404). */
  async lookUp(voucherCode: string): Promise<LookupAnswer | undefined> {
    const response = await this.request('/v1/voucher-lookups', this.shopKey, { voucherCode });
    if (response.status === 404) return undefined;
    if (response.status !== 200) throw new Error(`lookup answered ${response.status}`);
    return (await response.json()) as LookupAnswer;
  }

  /** Every parked dead letter of a kind, page by page. */
  async parked(kind: 'record' | 'delivery'): Promise<ParkedItem[]> {
    const items: ParkedItem[] = [];
    let after: string | null = null;
    do {
      const query = `/v1/dead-letters?kind=${kind}&status=parked&limit=500${after ? `&after=${encodeURIComponent(after)}` : ''}`;
      const response = await this.request(query, this.operatorKey);
      if (response.status !== 200) throw new Error(`dead-letters answered ${response.status}`);
      const page = (await response.json()) as { items: ParkedItem[]; nextCursor: string | null };
      items.push(...page.items);
      after = page.nextCursor;
    } while (after);
    return items;
  }

  /** Retries connection errors and 5xx on the other connector: a check must not fail on a restart. */
  private async request(path: string, key: string, body?: unknown): Promise<Response> {
    for (let attempt = 0; ; attempt++) {
      const url = this.connectorUrls[this.turn++ % this.connectorUrls.length] + path;
      try {
        const response = await fetch(url, {
          method: body === undefined ? 'GET' : 'POST',
          headers: { authorization: `Bearer ${key}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
          body: body === undefined ? undefined : JSON.stringify(body),
          signal: AbortSignal.timeout(10_000),
        });
        if (response.status < 500 || attempt >= 20) return response;
        await response.arrayBuffer();
      } catch (error) {
        if (attempt >= 20) throw error;
      }
      await delay(500);
    }
  }
}

/** Runs `task` over `items` with at most `limit` at once. */
export async function forEachLimited<T>(items: T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await task(items[next++]);
  }));
}
