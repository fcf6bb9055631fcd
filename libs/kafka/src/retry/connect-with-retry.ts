import { retryWithBackoff, RetryOptions } from './retry-with-backoff';

/** What connecting needs of a @confluentinc/kafka-javascript producer, consumer or admin client. */
export interface Connectable {
  connect(): Promise<void>;
  disconnect(): Promise<void>;
}

export interface ConnectOptions<T> extends RetryOptions {
  /** Further set-up on the connected client (subscribe, run); a failure discards the client too. */
  prepare?: (client: T) => Promise<void>;
}

/**
 * Connects a new client on every attempt until one succeeds. A client of
 * @confluentinc/kafka-javascript accepts `connect()` once only: after a failed connect it
 * answers every later one with "Connect has already been called elsewhere", so retrying on
 * the same instance can never reach a broker that came back.
 */
export function connectWithRetry<T extends Connectable>(create: () => T, options: ConnectOptions<T>): Promise<T> {
  return retryWithBackoff(async () => {
    const client = create();
    try {
      await client.connect();
      await options.prepare?.(client);
      return client;
    } catch (error) {
      await client.disconnect().catch(() => undefined);
      throw error;
    }
  }, options);
}
