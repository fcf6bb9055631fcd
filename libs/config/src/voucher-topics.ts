import { Global, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { voucherConnectorGroupId, voucherDeadLetterTopic, voucherRelayPositionTopic, voucherRelayTransactionalId, voucherTopic } from '@voucher-bridge/voucher-contract';

/**
 * Every Kafka name of this environment (VOUCHER_ENV), worked out in one place from the contract's
 * naming rules: inject it instead of deriving names from the environment in each service.
 */
export class VoucherTopics {
  readonly events: string;
  readonly deadLetter: string;
  readonly relayPosition: string;
  readonly relayTransactionalId: string;
  /** The connector's consumer group unless CONNECTOR_GROUP_ID names another. */
  readonly connectorGroupId: string;

  constructor(readonly environment: string) {
    this.events = voucherTopic(environment);
    this.deadLetter = voucherDeadLetterTopic(environment);
    this.relayPosition = voucherRelayPositionTopic(environment);
    this.relayTransactionalId = voucherRelayTransactionalId(environment);
    this.connectorGroupId = voucherConnectorGroupId(environment);
  }

  static fromConfig(config: ConfigService): VoucherTopics {
    return new VoucherTopics(config.getOrThrow<string>('VOUCHER_ENV'));
  }
}

/** Makes `VoucherTopics` injectable everywhere in an app. */
@Global()
@Module({
  providers: [{ provide: VoucherTopics, inject: [ConfigService], useFactory: VoucherTopics.fromConfig }],
  exports: [VoucherTopics],
})
export class VoucherTopicsModule {}
