import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, UseGuards } from '@nestjs/common';
import type { ApiKey } from '@voucher-bridge/api-keys';
import { ApiKeyThrottlerGuard, CurrentApiKey, RequireApiKey } from '@voucher-bridge/api-keys';
import { CreateSubscriptionRequestDto } from './create-subscription.request.dto';
import { CreatedSubscriptionDto } from './created-subscription.response.dto';
import { SecretRotationDto } from './secret-rotation.response.dto';
import { subscriptionIdOf } from './subscription-id.param';
import { SubscriptionDto } from './subscription.response.dto';
import {
  CreateSubscriptionApiDocs, DeleteSubscriptionApiDocs, GetSubscriptionApiDocs, ListSubscriptionsApiDocs, RotateSecretApiDocs,
} from './subscriptions.api-docs';
import { SubscriptionsService } from './subscriptions.service';

/** The web shop registers the endpoints the connector pushes voucher events to. Shop key, rate-limited like lookups. */
@Controller('v1/subscriptions')
@RequireApiKey('shop')
@UseGuards(ApiKeyThrottlerGuard)
export class SubscriptionsController {
  constructor(private readonly subscriptions: SubscriptionsService) {}

  @Post()
  @HttpCode(HttpStatus.CREATED)
  @CreateSubscriptionApiDocs()
  create(@Body() request: CreateSubscriptionRequestDto, @CurrentApiKey() key: ApiKey): Promise<CreatedSubscriptionDto> {
    return this.subscriptions.create(request, key.id);
  }

  @Get()
  @ListSubscriptionsApiDocs()
  list(): Promise<SubscriptionDto[]> {
    return this.subscriptions.list();
  }

  @Get(':id')
  @GetSubscriptionApiDocs()
  get(@Param('id') id: string): Promise<SubscriptionDto> {
    return this.subscriptions.get(subscriptionIdOf(id));
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @DeleteSubscriptionApiDocs()
  delete(@Param('id') id: string): Promise<void> {
    return this.subscriptions.delete(subscriptionIdOf(id));
  }

  @Post(':id/secret-rotations')
  @HttpCode(HttpStatus.CREATED)
  @RotateSecretApiDocs()
  rotateSecret(@Param('id') id: string): Promise<SecretRotationDto> {
    return this.subscriptions.rotateSecret(subscriptionIdOf(id));
  }
}
