import type { HealthIndicatorResult } from '@nestjs/terminus';
import type { ReadinessCheck } from './readiness-checks';

/**
 * A check that informs but never fails readiness: `down` is reported as `degraded` (terminus
 * answers 200 with overall status `degraded`), its message kept for operators. For a
 * dependency the app works without for a while, like Kafka for a gateway with an outbox.
 */
export function advisory(check: ReadinessCheck): ReadinessCheck {
  return async (): Promise<HealthIndicatorResult> => {
    const result = await check();
    const reported: HealthIndicatorResult = {};
    for (const [key, { status, ...details }] of Object.entries(result)) {
      reported[key] = status === 'down' ? { status: 'degraded', ...details } : { status, ...details };
    }
    return reported;
  };
}
