import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Length, Matches, Max, Min } from 'class-validator';
import { NO_NUL, NO_NUL_MESSAGE } from './no-nul';

/** `GET /v1/dead-letters?kind=&reason=&status=&limit=&after=` */
export class ListDeadLettersQueryDto {
  @ApiPropertyOptional({ enum: ['record', 'delivery'], description: 'Kafka records of the consumer, or parked pushes to the shop. Both when absent.' })
  @IsOptional()
  @IsIn(['record', 'delivery'])
  kind?: 'record' | 'delivery';

  @ApiPropertyOptional({ example: 'INSUFFICIENT_FUNDS', description: 'Exactly this reason: a rule, a parse failure (`malformed-json`, …) or `http-<status>` for a delivery.' })
  @IsOptional()
  @Length(1, 200)
  @Matches(NO_NUL, { message: NO_NUL_MESSAGE('reason') })
  reason?: string;

  @ApiPropertyOptional({ enum: ['parked', 'replayed', 'discarded'], default: 'parked' })
  @IsOptional()
  @IsIn(['parked', 'replayed', 'discarded'])
  status: 'parked' | 'replayed' | 'discarded' = 'parked';

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 500, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit: number = 50;

  @ApiPropertyOptional({ description: 'The `nextCursor` of the previous page.' })
  @IsOptional()
  @Length(1, 500)
  after?: string;
}
