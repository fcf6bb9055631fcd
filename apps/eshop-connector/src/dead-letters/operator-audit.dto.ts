import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { PageQueryDto } from './page.query.dto';

/** `GET /v1/operator-audit?limit=&after=`: the cursor is an audit entry's id. */
export class ListOperatorAuditQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'The `nextCursor` of the previous page.' })
  @IsOptional()
  @Matches(/^[1-9][0-9]{0,17}$/, { message: 'after must be the nextCursor of a previous page' })
  override after?: string;
}

export class OperatorAuditEntryDto {
  @ApiProperty({ example: '12' })
  id!: string;

  @ApiProperty({ format: 'date-time' })
  at!: string;

  @ApiProperty({ description: 'Who: the operator key\'s id and label.', example: { id: '3f0c8a52-6d1e-4b7a-9a0e-2b8c41d5e9f7', label: 'on-call' } })
  apiKey!: { id: string; label: string | null };

  @ApiProperty({ enum: ['dead-letters.replay', 'dead-letters.discard'] })
  action!: string;

  @ApiProperty()
  dryRun!: boolean;

  @ApiProperty({ type: 'object', additionalProperties: true, example: { ids: ['rec_17'] }, description: 'What was selected (`ids`, `filter` or `all`), and a discard\'s reason.' })
  target!: unknown;

  @ApiProperty({ type: 'object', additionalProperties: true, example: { summary: { applied: 1 }, more: false, items: [{ id: 'rec_17', outcome: 'applied' }] } })
  outcome!: unknown;
}

export class OperatorAuditPageDto {
  @ApiProperty({ type: () => OperatorAuditEntryDto, isArray: true, description: 'Newest first.' })
  items!: OperatorAuditEntryDto[];

  @ApiProperty({ type: 'string', nullable: true })
  nextCursor!: string | null;
}
