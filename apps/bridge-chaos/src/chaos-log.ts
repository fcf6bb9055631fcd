const started = Date.now();

/** Progress on stderr with seconds since start; stdout is kept for the summary. */
export function log(message: string): void {
  console.error(`chaos +${((Date.now() - started) / 1000).toFixed(1)}s: ${message}`);
}
