import { Module } from '@nestjs/common';
import { OutboxRelayLease } from './outbox-relay.lease';
import { OutboxRetentionJob } from './outbox-retention.job';
import { outboxMetrics } from './outbox.metrics';
import { OutboxRelay } from './outbox.relay';
import { OutboxRepository } from './outbox.repository';
import { OutboxSignal } from './outbox.signal';

@Module({
  providers: [OutboxSignal, OutboxRepository, OutboxRelayLease, OutboxRelay, OutboxRetentionJob, ...outboxMetrics],
  exports: [OutboxSignal, OutboxRepository],
})
export class OutboxModule {}
