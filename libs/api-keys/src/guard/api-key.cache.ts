import { ApiKey } from '../store/api-key';

/**
 * Remembers recent answers of the key store for a few seconds, so authentication costs no query
 * per request. Unknown keys are remembered too (a guesser does not reach the database each time);
 * a revocation takes effect everywhere within the time-to-live.
 */
export class ApiKeyCache {
  private readonly entries = new Map<string, { key: ApiKey | undefined; expiresAt: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 10_000,
  ) {}

  async get(secret: string, load: (secret: string) => Promise<ApiKey | undefined>): Promise<ApiKey | undefined> {
    const now = Date.now();
    const hit = this.entries.get(secret);
    if (hit && hit.expiresAt > now) return hit.key;
    const key = await load(secret);
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.delete(secret);
    this.entries.set(secret, { key, expiresAt: now + this.ttlMs });
    return key;
  }
}
