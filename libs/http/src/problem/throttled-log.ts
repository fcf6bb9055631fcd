/**
 * Lets one line per kind of failure through per window and counts the rest, so that a client
 * repeating a failing request — or a database outage under load — cannot flood the log.
 */
export class ThrottledLog {
  private readonly lastWritten = new Map<string, { at: number; suppressed: number }>();

  constructor(
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Calls `write` with the line (and how many were held back since) unless `kind` was written within the window. */
  write(kind: string, line: string, write: (line: string) => void): void {
    const seen = this.lastWritten.get(kind);
    const now = this.now();
    if (seen && now - seen.at < this.windowMs) {
      seen.suppressed++;
      return;
    }
    write(seen?.suppressed ? `${line} (${seen.suppressed} more like it since last logged)` : line);
    if (this.lastWritten.size >= 500) this.lastWritten.clear();
    this.lastWritten.set(kind, { at: now, suppressed: 0 });
  }
}
