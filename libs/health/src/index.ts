export { HealthModule } from './health.module';
export type { ReadinessOptions } from './health.module';
export type { ReadinessCheck } from './readiness-checks';
export { advisory } from './advisory';
