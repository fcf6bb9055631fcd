import { Module } from '@nestjs/common';
import { OutboxRelay } from './outbox.relay';
import { OutboxRepository } from './outbox.repository';
import { OutboxSignal } from './outbox.signal';

@Module({
  providers: [OutboxSignal, OutboxRepository, OutboxRelay],
  exports: [OutboxSignal, OutboxRepository],
})
export class OutboxModule {}
