import { IsInt, Matches, Max, Min } from 'class-validator';

export class DatabaseEnvironment {
  @Matches(/^postgres(ql)?:\/\/[^/]+\/[A-Za-z0-9_-]+(\?.*)?$/, {
    message: 'DATABASE_URL must be postgresql://user@host:port/database',
  })
  DATABASE_URL!: string;

  @IsInt()
  @Min(1)
  @Max(200)
  DATABASE_POOL_SIZE: number = 10;

  /**
   * How long a query may go unanswered before its connection is given up (and the request
   * answered 503, the relay or the consumer retried): a connection whose packets are dropped —
   * a firewall that forgot it, a failed network path — is otherwise waited on for ever.
   */
  @IsInt()
  @Min(500)
  @Max(600_000)
  DATABASE_QUERY_TIMEOUT_MS: number = 30_000;
}
