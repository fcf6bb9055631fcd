import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerLimitDetail } from '@nestjs/throttler';
import { ProblemException } from '@voucher-bridge/http';

/**
 * At most CASHBOX_RATE_LIMIT_PER_SECOND requests per cashbox key (counted per gateway instance),
 * so one broken or hijacked till cannot crowd out the others. Runs after authentication (it is a
 * route guard; the key guard is global) and answers 429 problem+json with Retry-After.
 */
@Injectable()
export class CashboxThrottlerGuard extends ThrottlerGuard {
  protected override async getTracker(request: Record<string, any>): Promise<string> {
    return request.apiKey?.id ?? request.ip;
  }

  protected override async throwThrottlingException(_: ExecutionContext, limit: ThrottlerLimitDetail): Promise<void> {
    throw ProblemException.of(429, 'rate-limited', 'Too Many Requests',
      `This cashbox sent more than ${limit.limit} requests in ${limit.ttl} ms; retry after ${limit.timeToBlockExpire} s.`);
  }
}
