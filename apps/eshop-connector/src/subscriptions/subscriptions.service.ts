import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { VoucherEnvironment, isProductionEnvironment } from '@voucher-bridge/config';
import { ProblemException } from '@voucher-bridge/http';
import { ConnectorEnvironment } from '../config/connector.environment';
import { CreateSubscriptionRequestDto } from './create-subscription.request.dto';
import { CreatedSubscriptionDto } from './created-subscription.response.dto';
import { SecretRotationDto } from './secret-rotation.response.dto';
import { newSubscriptionSecret } from './subscription-secret';
import { SubscriptionSecretCipher } from './subscription-secret.cipher';
import { subscriptionUrlRefusal } from './subscription-url.policy';
import { SubscriptionDto } from './subscription.response.dto';
import { toSubscription } from './subscription.row';
import { SubscriptionsRepository } from './subscriptions.repository';

/** The web shop's webhook subscriptions: register, list, delete, rotate the signing secret. */
@Injectable()
export class SubscriptionsService {
  private readonly logger = new Logger(SubscriptionsService.name);
  private readonly production: boolean;

  constructor(
    private readonly subscriptions: SubscriptionsRepository,
    private readonly connector: ConnectorEnvironment,
    voucher: VoucherEnvironment,
    private readonly cipher: SubscriptionSecretCipher,
  ) {
    this.production = isProductionEnvironment(voucher.VOUCHER_ENV);
  }

  async create(request: CreateSubscriptionRequestDto, createdByKeyId: string, now = new Date()): Promise<CreatedSubscriptionDto> {
    const refusal = subscriptionUrlRefusal(request.url, { production: this.production });
    if (refusal) {
      throw ProblemException.of(400, 'invalid-request', 'Invalid request body', 'Invalid fields: url',
        { errors: [{ field: 'url', messages: [refusal] }] });
    }
    const [id, secret] = [randomUUID(), newSubscriptionSecret()];
    // Stored sealed; the clear secret goes only into this answer (never into a log line).
    const sealedSecret = this.cipher.seal(id, secret);
    const row = await this.subscriptions.create({ id, url: request.url, eventTypes: request.eventTypes, createdByKeyId, sealedSecret, createdAt: now });
    // The id, not the URL: a shop's URL may carry a token in its query.
    this.logger.log(`subscription ${row.id} created for ${row.event_types.join(', ')}`);
    return { id: row.id, url: row.url, eventTypes: row.event_types, secret };
  }

  async list(): Promise<SubscriptionDto[]> {
    return (await this.subscriptions.list()).map(toSubscription);
  }

  async get(id: string): Promise<SubscriptionDto> {
    const row = await this.subscriptions.find(id);
    if (!row) throw notFound();
    return toSubscription(row);
  }

  async delete(id: string, now = new Date()): Promise<void> {
    const discarded = await this.subscriptions.softDelete(id, now);
    if (discarded === undefined) throw notFound();
    this.logger.log(`subscription ${id} deleted, ${discarded} pending deliveries discarded`);
  }

  async rotateSecret(id: string, now = new Date()): Promise<SecretRotationDto> {
    const secret = newSubscriptionSecret();
    const overlapEnd = new Date(now.getTime() + this.connector.WEBHOOK_SECRET_ROTATION_OVERLAP_SECONDS * 1_000);
    const previousSecretsExpireAt = await this.subscriptions.rotateSecret(id, this.cipher.seal(id, secret), now, overlapEnd);
    if (!previousSecretsExpireAt) throw notFound();
    this.logger.log(`subscription ${id}: secret rotated, older secrets valid until ${previousSecretsExpireAt.toISOString()}`);
    return { secret, previousSecretsExpireAt: previousSecretsExpireAt.toISOString() };
  }
}

function notFound(): ProblemException {
  return ProblemException.of(404, 'subscription-not-found', 'Subscription not found', 'No subscription with this id exists (or it was deleted).');
}
