import { Controller, Get, Inject } from '@nestjs/common';
import { HealthCheck, HealthCheckService } from '@nestjs/terminus';
import { READINESS_CHECKS, ReadinessCheck } from './readiness-checks';

/**
 * `GET /health/live`: the process serves HTTP. `GET /health/ready`: every check the app
 * composed (`HealthModule.forApp`) passes right now — 503 otherwise, with each check's details.
 */
@Controller('health')
export class ReadinessController {
  constructor(
    private readonly health: HealthCheckService,
    @Inject(READINESS_CHECKS) private readonly checks: ReadinessCheck[],
  ) {}

  @Get('live')
  @HealthCheck()
  live() {
    return this.health.check([]);
  }

  @Get('ready')
  @HealthCheck()
  ready() {
    return this.health.check(this.checks);
  }
}
