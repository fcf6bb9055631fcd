import { Injectable } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';

/** What a feature may add to its request's log lines; never the plain voucher code. */
export interface RequestLogFields {
  eventId?: string;
  voucherCodeMasked?: string;
  [field: string]: string | number | boolean | undefined;
}

/**
 * Adds fields (the event id, the masked voucher code) to every later line of the current request,
 * its access line included, so an operator can find a purchase's lines by what the cashbox saw.
 */
@Injectable()
export class RequestLog {
  constructor(private readonly pino: PinoLogger) {}

  annotate(fields: RequestLogFields): void {
    try {
      this.pino.assign(fields);
    } catch {
      // Outside a request (a job, a test) there is no request's lines to add to.
    }
  }
}
