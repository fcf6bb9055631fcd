import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Length, Matches } from 'class-validator';
import { NO_NUL, NO_NUL_MESSAGE } from './no-nul';
import { PageQueryDto } from './page.query.dto';

/** `GET /v1/dead-letters?kind=&reason=&status=&limit=&after=` (`after`: an opaque cursor, checked by the controller). */
export class ListDeadLettersQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['record', 'delivery'], description: 'Kafka records of the consumer, or parked pushes to the shop. Both when absent.' })
  @IsOptional()
  @IsIn(['record', 'delivery'])
  kind?: 'record' | 'delivery';

  @ApiPropertyOptional({ example: 'INSUFFICIENT_FUNDS', description: 'Exactly this reason: a rule, a parse failure (`malformed-json`, …); for a delivery `http-<status>`, or without a status `no-response`, `address-refused`, `cannot-sign`, `subscription-disabled`, `subscription-deleted`.' })
  @IsOptional()
  @Length(1, 200)
  @Matches(NO_NUL, { message: NO_NUL_MESSAGE('reason') })
  reason?: string;

  @ApiPropertyOptional({ enum: ['parked', 'replayed', 'discarded'], default: 'parked' })
  @IsOptional()
  @IsIn(['parked', 'replayed', 'discarded'])
  status: 'parked' | 'replayed' | 'discarded' = 'parked';
}
