import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

/** Variables of cashbox-gateway itself; Kafka, database and VOUCHER_ENV come from their areas. */
export class GatewayEnvironment {
  @IsInt()
  @Min(1)
  @Max(65535)
  GATEWAY_HTTP_PORT: number = 3000;

  /**
   * Rows the relay reads from the outbox at a time. Each batch is sent while the next is read, and
   * a backlog's batches fill one Kafka transaction up to OUTBOX_TRANSACTION_ROWS.
   */
  @IsInt()
  @Min(1)
  @Max(10_000)
  OUTBOX_BATCH_SIZE: number = 1000;

  /**
   * Rows per relay transaction at most (at least one batch). Each transaction ends with a wait
   * for the broker's last acknowledgements and its commit; larger ones spread that wait over more
   * rows. Only a backlog fills a transaction: a relay under light load sends what is there.
   */
  @IsInt()
  @Min(1)
  @Max(10_000)
  OUTBOX_TRANSACTION_ROWS: number = 6000;

  @IsInt()
  @Min(10)
  @Max(60_000)
  OUTBOX_POLL_INTERVAL_MS: number = 500;

  /**
   * Rows accepted per second from which the outbox counts as busy: its relay rounds (one Kafka
   * transaction each) then begin OUTBOX_BUSY_ROUND_MS apart, no sooner, so that a busy gateway
   * commits fewer, larger transactions (see RoundPacing). 0 switches it off.
   */
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  OUTBOX_BUSY_RATE: number = 800;

  @IsInt()
  @Min(0)
  @Max(10_000)
  OUTBOX_BUSY_ROUND_MS: number = 100;

  /**
   * How long the relaying instance may go unheard before PostgreSQL ends its session and another
   * instance takes the relay over (a frozen process, a host cut off the network). The holder shows
   * itself alive every third of this.
   */
  @IsInt()
  @Min(1_000)
  @Max(600_000)
  OUTBOX_RELAY_LEASE_TIMEOUT_MS: number = 15_000;

  /**
   * Consumer groups that read the voucher topic in order (comma-separated). After partitions
   * were added to the topic, the relay goes on writing to the partitions it used until each of
   * these groups has read them to their end, so that no voucher's next event lands on a new
   * partition ahead of its earlier ones. Defaults to the connector's group,
   * `<VOUCHER_ENV>.eshop-connector`.
   */
  @IsOptional()
  @Matches(/^[A-Za-z0-9._-]{1,200}(,[A-Za-z0-9._-]{1,200})*$/, { message: 'OUTBOX_READER_GROUPS must be consumer group ids (letters, digits, ".", "_" or "-"), separated by commas' })
  OUTBOX_READER_GROUPS?: string;

  /** How often the relay looks whether partitions were added to the topics it writes to. */
  @IsInt()
  @Min(100)
  @Max(3_600_000)
  OUTBOX_PARTITION_CHECK_INTERVAL_MS: number = 30_000;

  /**
   * Once partitions were added, how long the relay holds publishing (accepting goes on) for the
   * reader groups to read the old partitions to their end. Past it the relay goes on with the old
   * partitions and tries again OUTBOX_PARTITION_RETRY_MS later. Keep it well below
   * OUTBOX_READY_MAX_AGE_SECONDS.
   */
  @IsInt()
  @Min(0)
  @Max(600_000)
  OUTBOX_PARTITION_HOLD_MS: number = 30_000;

  @IsInt()
  @Min(100)
  @Max(86_400_000)
  OUTBOX_PARTITION_RETRY_MS: number = 300_000;

  /** Sent outbox rows still hold the plain voucher code: they are deleted after this long. */
  @IsInt()
  @Min(0)
  @Max(525_600)
  OUTBOX_RETENTION_MINUTES: number = 60;

  @IsInt()
  @Min(100)
  @Max(3_600_000)
  OUTBOX_CLEANUP_INTERVAL_MS: number = 60_000;

  /** How long a retry with the same Idempotency-Key gets the original answer. */
  @IsInt()
  @Min(0)
  @Max(8_760)
  IDEMPOTENCY_KEY_RETENTION_HOURS: number = 72;

  /** Requests per second one cashbox key may send to one gateway instance; more get 429. */
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  CASHBOX_RATE_LIMIT_PER_SECOND: number = 20;

  /** /health/ready fails once the oldest unsent outbox row is older than this. */
  @IsInt()
  @Min(1)
  @Max(86_400)
  OUTBOX_READY_MAX_AGE_SECONDS: number = 300;
}
