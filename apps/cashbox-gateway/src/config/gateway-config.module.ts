import { Global, Module } from '@nestjs/common';
import { environmentOf } from '@voucher-bridge/config';
import { GatewayEnvironment } from './gateway.environment';

/** The gateway's own variables, validated at start-up, injectable as `GatewayEnvironment`. */
@Global()
@Module({ providers: [environmentOf(GatewayEnvironment)], exports: [GatewayEnvironment] })
export class GatewayConfigModule {}
