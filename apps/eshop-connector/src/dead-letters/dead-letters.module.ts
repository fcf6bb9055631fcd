import { Module } from '@nestjs/common';
import { RegistrationModule } from '../registration/registration.module';
import { DeadLetterActionsService } from './dead-letter-actions.service';
import { DeadLetterRepository } from './dead-letter.repository';
import { deadLetterMetrics } from './dead-letters.metrics';
import { DeadLettersController } from './dead-letters.controller';
import { OperatorAuditController } from './operator-audit.controller';
import { OperatorAuditRepository } from './operator-audit.repository';
import { RecordReplayService } from './record-replay.service';

/** The operators' REST API for dead letters (records and deliveries) and its audit. */
@Module({
  imports: [RegistrationModule],
  controllers: [DeadLettersController, OperatorAuditController],
  providers: [DeadLetterRepository, DeadLetterActionsService, RecordReplayService, OperatorAuditRepository, ...deadLetterMetrics],
  exports: [DeadLetterRepository],
})
export class DeadLettersModule {}
