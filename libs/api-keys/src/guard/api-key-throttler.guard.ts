import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerLimitDetail } from '@nestjs/throttler';
import { ProblemException } from '@voucher-bridge/http';
import type { AuthenticatedRequest } from './api-key.guard';

/**
 * Rate limit per API key (counted per app instance, with the app's ThrottlerModule settings), so
 * one broken or hijacked client cannot crowd out the others, nor guess voucher codes through
 * lookups. A route guard: it runs after the global `ApiKeyGuard`, so the request's key is known.
 * Answers 429 problem+json with Retry-After.
 */
@Injectable()
export class ApiKeyThrottlerGuard extends ThrottlerGuard {
  protected override async getTracker(request: Record<string, any>): Promise<string> {
    return (request as AuthenticatedRequest).apiKey?.id ?? request.ip;
  }

  /**
   * The counter's name: route, throttler and key id as they are. The library's default hashes
   * them (SHA-256 per request); our trackers are key ids (or an address), short and not secret.
   */
  protected override generateKey(context: ExecutionContext, tracker: string, throttlerName: string): string {
    return `${context.getClass().name}-${context.getHandler().name}-${throttlerName}-${tracker}`;
  }

  protected override async throwThrottlingException(context: ExecutionContext, limit: ThrottlerLimitDetail): Promise<void> {
    const kind = context.switchToHttp().getRequest<AuthenticatedRequest>().apiKey?.kind ?? 'client';
    throw ProblemException.of(429, 'rate-limited', 'Too Many Requests',
      `This ${kind} key sent more than ${limit.limit} requests in ${limit.ttl} ms; retry after ${limit.timeToBlockExpire} s.`);
  }
}

