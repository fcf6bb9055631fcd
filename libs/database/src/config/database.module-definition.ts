import { ConfigurableModuleBuilder } from '@nestjs/common';
import { DatabaseModuleOptions } from './database-module.options';

export const {
  ConfigurableModuleClass: DatabaseConfigurableModule,
  MODULE_OPTIONS_TOKEN: DATABASE_MODULE_OPTIONS,
} = new ConfigurableModuleBuilder<DatabaseModuleOptions>()
  .setClassMethodName('forRoot')
  .setExtras({ isGlobal: true }, (definition, extras) => ({ ...definition, global: extras.isGlobal }))
  .build();
