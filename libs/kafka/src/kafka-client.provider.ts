import { KafkaJS } from '@confluentinc/kafka-javascript';
import { Logger, Provider } from '@nestjs/common';
import { BROKER_CONNECTION_SETTINGS } from './config/broker-connection.settings';
import { KAFKA_MODULE_OPTIONS } from './config/kafka.module-definition';
import type { KafkaModuleOptions } from './config/kafka-module.options';
import { KAFKA_CLIENT } from './kafka.constants';
import { QuietLogger } from './logging/quiet-logger';

export const kafkaClientProvider: Provider = {
  provide: KAFKA_CLIENT,
  inject: [KAFKA_MODULE_OPTIONS],
  useFactory: (options: KafkaModuleOptions) =>
    new KafkaJS.Kafka({
      kafkaJS: {
        brokers: options.brokers,
        clientId: options.clientId,
        logLevel: KafkaJS.logLevel.WARN,
        logger: nestKafkaLogger(new QuietLogger(new Logger('Kafka'), 30_000)),
      },
      ...BROKER_CONNECTION_SETTINGS,
    }),
};

function nestKafkaLogger(logger: QuietLogger): KafkaJS.Logger {
  const adapter: KafkaJS.Logger = {
    // librdkafka reports every (re)connect as info: useful when debugging, noise otherwise.
    info: (message, extra) => logger.debug(message, extra),
    warn: (message, extra) => logger.warn(message, extra),
    error: (message, extra) => logger.error(message, extra),
    debug: (message, extra) => logger.debug(message, extra),
    namespace: () => adapter,
    setLogLevel: () => undefined,
  };
  return adapter;
}
