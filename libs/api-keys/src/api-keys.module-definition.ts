import { ConfigurableModuleBuilder } from '@nestjs/common';
import { ApiKeysModuleOptions } from './api-keys.module-options';

export const { ConfigurableModuleClass: ApiKeysConfigurableModule, MODULE_OPTIONS_TOKEN: API_KEYS_MODULE_OPTIONS } =
  new ConfigurableModuleBuilder<ApiKeysModuleOptions>().setClassMethodName('forRoot').build();
