import { IsOptional, Matches, ValidateIf } from 'class-validator';
import { isProductionEnvironment } from '@voucher-bridge/config';

const KEY = '[A-Za-z0-9+/]{43}=';

/**
 * The keys the subscriptions' signing secrets are encrypted under (AES-256-GCM, libs/secret-cipher).
 * Required in prod; elsewhere a missing key falls back to a development key anyone can derive.
 */
export class WebhookSecretsEnvironment {
  /** 32 bytes in base64 (`openssl rand -base64 32`): seals new secrets; every older one is sealed again under it. */
  // Validated when set, and always in prod (the raw environment's VOUCHER_ENV is on the instance being validated).
  @ValidateIf((env: { WEBHOOK_SECRET_ENCRYPTION_KEY?: string; VOUCHER_ENV?: string }) =>
    env.WEBHOOK_SECRET_ENCRYPTION_KEY !== undefined || isProductionEnvironment(env.VOUCHER_ENV))
  @Matches(new RegExp(`^${KEY}$`), { message: 'WEBHOOK_SECRET_ENCRYPTION_KEY must be 32 bytes in base64 (openssl rand -base64 32); it is required when VOUCHER_ENV is prod' })
  WEBHOOK_SECRET_ENCRYPTION_KEY?: string;

  /** Retired keys, comma-separated: only to open what they sealed until it is sealed again. */
  @IsOptional()
  @Matches(new RegExp(`^\\s*${KEY}\\s*(,\\s*${KEY}\\s*)*$`), { message: 'WEBHOOK_SECRET_ENCRYPTION_PREVIOUS_KEYS must be comma-separated keys of 32 bytes in base64' })
  WEBHOOK_SECRET_ENCRYPTION_PREVIOUS_KEYS?: string;
}
