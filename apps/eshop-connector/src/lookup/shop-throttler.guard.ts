import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerLimitDetail } from '@nestjs/throttler';
import { ProblemException } from '@voucher-bridge/http';

/**
 * At most LOOKUP_RATE_LIMIT_PER_SECOND lookups per shop key (counted per connector instance):
 * voucher codes are bearer secrets, and an unlimited lookup would let a leaked key guess them.
 * Runs after authentication (a route guard; the key guard is global) and answers 429
 * problem+json with Retry-After.
 */
@Injectable()
export class ShopThrottlerGuard extends ThrottlerGuard {
  protected override async getTracker(request: Record<string, any>): Promise<string> {
    return request.apiKey?.id ?? request.ip;
  }

  protected override async throwThrottlingException(_: ExecutionContext, limit: ThrottlerLimitDetail): Promise<void> {
    throw ProblemException.of(429, 'rate-limited', 'Too Many Requests',
      `This shop key sent more than ${limit.limit} lookups in ${limit.ttl} ms; retry after ${limit.timeToBlockExpire} s.`);
  }
}
