export { ApiKeysModule } from './api-keys.module';
export { ApiKeysEnvironment } from './api-keys.environment';
export type { ApiKeysModuleOptions } from './api-keys.module-options';
export { newApiKeySecret, hashApiKeySecret } from './secret/api-key-secret';
export type { ApiKeyKind, NewApiKeySecret } from './secret/api-key-secret';
export type { ApiKey, NewApiKey } from './store/api-key';
export { ApiKeyStore } from './store/api-key.store';
export { ApiKeyGuard, RequireApiKey } from './guard/api-key.guard';
export { CurrentApiKey } from './guard/current-api-key.decorator';
