import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { ReadinessController } from './readiness.controller';

/** Health endpoints composed from the indicators the database and Kafka modules export. */
@Module({
  imports: [TerminusModule.forRoot({ logger: false })],
  controllers: [ReadinessController],
})
export class HealthModule {}
