import type { HealthIndicatorResult } from '@nestjs/terminus';

/** DI token for the checks an app's `GET /health/ready` runs. */
export const READINESS_CHECKS = Symbol('READINESS_CHECKS');

/** One readiness check: resolves to `{ <key>: { status: 'up' | 'down' | 'degraded', ... } }`. */
export type ReadinessCheck = () => PromiseLike<HealthIndicatorResult>;
