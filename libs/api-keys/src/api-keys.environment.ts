import { IsInt, Max, Min } from 'class-validator';

/** Variables of API-key authentication. */
export class ApiKeysEnvironment {
  /** A revoked key is refused everywhere within this time. */
  @IsInt()
  @Min(0)
  @Max(300_000)
  API_KEY_CACHE_TTL_MS: number = 5_000;
}
