import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { OutboxBacklogHealthIndicator } from './outbox-backlog.health';
import { OutboxRelayLease } from './outbox-relay.lease';
import { OutboxRetentionJob } from './outbox-retention.job';
import { outboxMetrics } from './outbox.metrics';
import { OutboxRelay } from './outbox.relay';
import { OutboxRepository } from './outbox.repository';
import { OutboxSignal } from './outbox.signal';
import { OutboxWakeup } from './outbox-wakeup';
import { PartitionGrowth } from './partition-growth';
import { RelayRecovery } from './relay-recovery';

@Module({
  imports: [TerminusModule],
  providers: [
    OutboxSignal, OutboxWakeup, OutboxRepository, OutboxRelayLease, RelayRecovery, PartitionGrowth, OutboxRelay, OutboxRetentionJob, OutboxBacklogHealthIndicator,
    ...outboxMetrics,
  ],
  exports: [OutboxWakeup, OutboxRepository, OutboxBacklogHealthIndicator],
})
export class OutboxModule {}
