import { IsInt, Max, Min } from 'class-validator';

/** Variables of cashbox-gateway itself; Kafka, database and VOUCHER_ENV come from their areas. */
export class GatewayEnvironment {
  @IsInt()
  @Min(1)
  @Max(65535)
  GATEWAY_HTTP_PORT: number = 3000;

  @IsInt()
  @Min(1)
  @Max(10_000)
  OUTBOX_BATCH_SIZE: number = 1000;

  @IsInt()
  @Min(10)
  @Max(60_000)
  OUTBOX_POLL_INTERVAL_MS: number = 500;

  /** /health/ready fails once the oldest unsent outbox row is older than this. */
  @IsInt()
  @Min(1)
  @Max(86_400)
  OUTBOX_READY_MAX_AGE_SECONDS: number = 300;
}
