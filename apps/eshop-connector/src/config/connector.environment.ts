import { IsInt, IsOptional, IsUrl, Matches, Max, Min } from 'class-validator';

/** Variables of eshop-connector itself; Kafka, database and VOUCHER_ENV come from their areas. */
export class ConnectorEnvironment {
  @IsInt()
  @Min(1)
  @Max(65535)
  CONNECTOR_HTTP_PORT: number = 3001;

  /** Defaults to `<VOUCHER_ENV>.eshop-connector`. */
  @IsOptional()
  @Matches(/^[A-Za-z0-9._-]{1,200}$/, { message: 'CONNECTOR_GROUP_ID must be letters, digits, ".", "_" or "-"' })
  CONNECTOR_GROUP_ID?: string;

  @IsInt()
  @Min(1)
  @Max(64)
  CONNECTOR_PARTITIONS_CONCURRENTLY: number = 3;

  /** Lookups per second one shop key may send to one connector instance; more get 429. */
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  LOOKUP_RATE_LIMIT_PER_SECOND: number = 10;

  /**
   * After a secret rotation, how long deliveries are still signed with the older secrets too, so
   * the shop can deploy its new secret without rejecting a delivery.
   */
  @IsInt()
  @Min(0)
  @Max(30 * 86_400)
  WEBHOOK_SECRET_ROTATION_OVERLAP_SECONDS: number = 86_400;

  /** How often the consumer's lag (librdkafka statistics) and the parked-dead-letter gauges are refreshed. */
  @IsInt()
  @Min(1_000)
  @Max(3_600_000)
  CONNECTOR_STATUS_INTERVAL_MS: number = 5_000;

  /**
   * A batch failing for longer than this for a reason other than the database or Kafka being
   * away (a defect meeting one record) is handled record by record, and the records that still
   * fail are parked (`processing-error`): one poison record never stalls its partition longer.
   */
  @IsInt()
  @Min(1_000)
  @Max(86_400_000)
  CONSUMER_POISON_BOUND_MS: number = 60_000;

  /**
   * Where the operations console asks the gateway for its readiness (`<GATEWAY_URL>/health/ready`),
   * e.g. http://127.0.0.1:3000 or a load balancer in front of the gateways. Unset: the console
   * shows the gateway's health as unknown (its outbox figures come from the database either way).
   */
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true }, { message: 'GATEWAY_URL must be an http(s) URL' })
  GATEWAY_URL?: string;
}
