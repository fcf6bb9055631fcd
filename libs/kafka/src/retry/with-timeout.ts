/**
 * Rejects with a message naming `what` when `promise` has not settled within `ms`, or at once
 * when `signal` aborts (naming the signal's reason).
 */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string, signal?: AbortSignal): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  let onAbort: (() => void) | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms ${what}`)), ms);
    if (!signal) return;
    onAbort = () => reject(new Error(`given up ${what}: ${(signal.reason as Error | undefined)?.message ?? 'aborted'}`));
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
  });
  return Promise.race([promise, timeout]).finally(() => {
    clearTimeout(timer);
    if (onAbort) signal?.removeEventListener('abort', onAbort);
  });
}
