import { Provider } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ClassConstructor } from 'class-transformer';
import { getMetadataStorage } from 'class-validator';

/**
 * Provides an area's environment class as an injectable holding its validated, converted values,
 * so a service reads `env.OUTBOX_BATCH_SIZE` as the number it was declared as, not a string
 * fetched by name: `providers: [environmentOf(GatewayEnvironment)]`, then
 * `constructor(private readonly env: GatewayEnvironment)`.
 */
export function environmentOf<T extends object>(area: ClassConstructor<T>): Provider {
  return {
    provide: area,
    inject: [ConfigService],
    useFactory: (config: ConfigService) => {
      const names = new Set(getMetadataStorage().getTargetValidationMetadatas(area, '', true, false).map((m) => m.propertyName));
      return Object.assign(new area(), Object.fromEntries([...names].map((name) => [name, config.get(name)])));
    },
  };
}
