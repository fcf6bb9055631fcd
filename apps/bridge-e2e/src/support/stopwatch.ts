/**
 * Seconds since a moment, for the specs that promise recovery "within seconds": each reading
 * is printed, so a slow run shows how slow and not just that it failed.
 */
export function stopwatch(since: string): (until: string) => number {
  const startedAt = Date.now();
  return (until) => {
    const seconds = (Date.now() - startedAt) / 1000;
    process.stdout.write(`[timing] ${since} → ${until}: ${seconds.toFixed(1)} s\n`);
    return seconds;
  };
}
