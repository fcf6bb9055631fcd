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
}
