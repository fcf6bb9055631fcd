import { Module } from '@nestjs/common';
import { SubscriptionsModule } from '../subscriptions/subscriptions.module';
import { deliveryMetrics } from './delivery.metrics';
import { DeliveryDispatcher } from './dispatch/delivery.dispatcher';
import { DeliveryRepository } from './dispatch/delivery.repository';
import { DeliveryEnqueuer } from './enqueue/delivery.enqueuer';
import { DeliveryRetentionJob } from './retention/delivery-retention.job';
import { WebhookSender } from './http/webhook.sender';

/**
 * Signed push of applied voucher events to the shop's subscriptions: the registry records them
 * through `DeliveryEnqueuer` in its own transaction; the dispatcher sends, retries and parks;
 * finished deliveries are deleted after their retention.
 */
@Module({
  imports: [SubscriptionsModule],
  providers: [DeliveryEnqueuer, DeliveryRepository, WebhookSender, DeliveryDispatcher, DeliveryRetentionJob, ...deliveryMetrics],
  exports: [DeliveryEnqueuer],
})
export class DeliveriesModule {}
