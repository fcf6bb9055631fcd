import { Injectable } from '@nestjs/common';
import { annotateRequest, RequestLogFields } from './request-context';

export type { RequestLogFields } from './request-context';

/**
 * Adds fields (the event id, the masked voucher code) to every later line of the current request,
 * its access line included, so an operator can find a purchase's lines by what the cashbox saw.
 */
@Injectable()
export class RequestLog {
  annotate(fields: RequestLogFields): void {
    annotateRequest(fields);
  }
}
