import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayNotEmpty, IsArray, IsBoolean, IsIn, IsISO8601, IsObject, IsString, Length, Matches, MaxLength, ValidateIf, ValidateNested,
} from 'class-validator';
import { NO_NUL, NO_NUL_MESSAGE } from './no-nul';
import { DEAD_LETTER_ID_PATTERN } from './dead-letter-id';
import { MAX_ITEMS_PER_ACTION } from './dead-letter-actions.service';

/**
 * May be left out; when given, null included, it must pass the rules below. Not class-validator's
 * IsOptional, which skips null as well: `{"ids": null}` then passed, counted as the one selection
 * given, and selected every parked dead letter, so a discard with it would have discarded them
 * all (found by the fuzz run: a dry-run replay of 500 items outlived the client's timeout).
 */
const AbsentOrValid = () => ValidateIf((_, value) => value !== undefined);

export class DeadLetterFilterDto {
  @ApiPropertyOptional({ enum: ['record', 'delivery'] })
  @AbsentOrValid()
  @IsIn(['record', 'delivery'])
  kind?: 'record' | 'delivery';

  @ApiPropertyOptional({ example: 'UNKNOWN_VOUCHER' })
  @AbsentOrValid()
  @IsString()
  @Length(1, 200)
  @Matches(NO_NUL, { message: NO_NUL_MESSAGE('reason') })
  reason?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Only dead letters parked before this time.' })
  @AbsentOrValid()
  @IsISO8601({ strict: true })
  parkedBefore?: string;
}

/** The selection both actions share: exactly one of `ids`, `filter`, `all: true`. */
export class DeadLetterSelectionDto {
  @ApiPropertyOptional({ type: [String], example: ['rec_17'], maxItems: MAX_ITEMS_PER_ACTION })
  @AbsentOrValid()
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(MAX_ITEMS_PER_ACTION)
  @Matches(DEAD_LETTER_ID_PATTERN, { each: true, message: 'each id must be rec_<n> or dlv_<subscription id>_<event id>' })
  ids?: string[];

  @ApiPropertyOptional({ type: () => DeadLetterFilterDto, description: 'The parked dead letters matching all of these (oldest first).' })
  @AbsentOrValid()
  @IsObject({ message: 'filter must be a JSON object' })
  @ValidateNested()
  @Type(() => DeadLetterFilterDto)
  filter?: DeadLetterFilterDto;

  @ApiPropertyOptional({ enum: [true], description: 'Every parked dead letter (oldest first).' })
  @AbsentOrValid()
  @IsIn([true], { message: 'all must be true when given' })
  all?: boolean;
}

export class ReplayDeadLettersRequestDto extends DeadLetterSelectionDto {
  @ApiPropertyOptional({ default: false, description: 'Run the replay in a transaction that is rolled back: report what would happen, change nothing.' })
  // Absent means false; null is refused (IsOptional would let it through, and a replay then ran
  // for real and failed writing its audit row: found by the fuzz run).
  @AbsentOrValid()
  @IsBoolean()
  dryRun: boolean = false;
}

export class DiscardDeadLettersRequestDto extends DeadLetterSelectionDto {
  @ApiProperty({ example: 'test record produced by hand', description: 'Why: kept with the dead letter and in the audit.' })
  @IsString()
  @Length(1, 500)
  @MaxLength(500)
  @Matches(NO_NUL, { message: NO_NUL_MESSAGE('reason') })
  reason!: string;
}
