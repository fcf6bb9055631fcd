import { Global, Module } from '@nestjs/common';
import { environmentOf } from '@voucher-bridge/config';
import { ConnectorEnvironment } from './connector.environment';

/** The connector's own variables, validated at start-up, injectable as `ConnectorEnvironment`. */
@Global()
@Module({ providers: [environmentOf(ConnectorEnvironment)], exports: [ConnectorEnvironment] })
export class ConnectorConfigModule {}
