import { Logger } from '@nestjs/common';

/**
 * While a broker is down, librdkafka repeats the same error about ten times a second. This
 * logs a message once per window and says how many repeats it swallowed.
 */
export class QuietLogger {
  private readonly lastLogged = new Map<string, { at: number; repeats: number }>();

  constructor(
    private readonly logger: Logger,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  debug(message: string, extra?: object): void {
    this.logger.debug(message, extra);
  }

  warn(message: string, extra?: object): void {
    this.once(message, (text) => this.logger.warn(text, extra));
  }

  error(message: string, extra?: object): void {
    this.once(message, (text) => this.logger.error(text, extra));
  }

  private once(message: string, log: (text: string) => void): void {
    const key = message.replace(/\d+/g, '#');
    const seen = this.lastLogged.get(key);
    const now = this.now();
    if (seen && now - seen.at < this.windowMs) {
      seen.repeats++;
      return;
    }
    log(seen?.repeats ? `${message} (repeated ${seen.repeats} times since last logged)` : message);
    this.lastLogged.set(key, { at: now, repeats: 0 });
    if (this.lastLogged.size > 500) this.lastLogged.clear();
  }
}
