import { ConfigurableModuleBuilder } from '@nestjs/common';
import { KafkaModuleOptions } from './kafka-module.options';

export const {
  ConfigurableModuleClass: KafkaConfigurableModule,
  MODULE_OPTIONS_TOKEN: KAFKA_MODULE_OPTIONS,
} = new ConfigurableModuleBuilder<KafkaModuleOptions>()
  .setClassMethodName('forRoot')
  .setExtras({ isGlobal: true }, (definition, extras) => ({ ...definition, global: extras.isGlobal }))
  .build();
