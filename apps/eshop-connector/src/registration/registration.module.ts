import { Module } from '@nestjs/common';
import { DeliveriesModule } from '../deliveries/deliveries.module';
import { DeadLetterPublisher } from './dead-letter.publisher';
import { RegisterVoucherEventsHandler } from './register-voucher-events.handler';
import { registrationMetrics } from './registration.metrics';
import { VoucherEventConsumer } from './voucher-event.consumer';
import { VoucherRegistryRepository } from './voucher-registry.repository';

@Module({
  imports: [DeliveriesModule],
  providers: [
    VoucherRegistryRepository,
    DeadLetterPublisher,
    RegisterVoucherEventsHandler,
    VoucherEventConsumer,
    ...registrationMetrics,
  ],
  // The operators' replay runs records through the consumer's own path.
  exports: [VoucherRegistryRepository, DeadLetterPublisher, VoucherEventConsumer],
})
export class RegistrationModule {}
