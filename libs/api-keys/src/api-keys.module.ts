import { DynamicModule, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { APP_GUARD } from '@nestjs/core';
import { ApiKeysConfigurableModule } from './api-keys.module-definition';
import { ApiKeyGuard } from './guard/api-key.guard';
import { ApiKeyStore } from './store/api-key.store';

/**
 * API keys stored hashed in PostgreSQL. `withGuard()` also protects every route marked
 * `@RequireApiKey(kind)`; the admin tool imports it without, to manage keys.
 */
@Module({ providers: [ApiKeyStore], exports: [ApiKeyStore] })
export class ApiKeysModule extends ApiKeysConfigurableModule {
  static fromEnvironment(): DynamicModule {
    return ApiKeysModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService) => ({ cacheTtlMs: config.getOrThrow<number>('API_KEY_CACHE_TTL_MS') }),
    });
  }

  static withGuard(): DynamicModule {
    const module = ApiKeysModule.fromEnvironment();
    return { ...module, providers: [...(module.providers ?? []), { provide: APP_GUARD, useClass: ApiKeyGuard }] };
  }
}
