import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class DeadLetterItemOutcomeDto {
  @ApiProperty({ example: 'rec_17' })
  id!: string;

  @ApiProperty({
    enum: ['applied', 'already-applied', 'parked-again', 'requeued', 'discarded', 'not-parked', 'not-found', 'source-gone'],
    description: 'In a dry run: what would happen.',
  })
  outcome!: string;

  @ApiPropertyOptional({ type: 'integer', description: '`applied`: the voucher\'s sequence number of the event.' })
  sequence?: number;

  @ApiPropertyOptional({ type: 'integer', description: '`applied`: the balance after it.' })
  balance?: number;

  @ApiPropertyOptional()
  currency?: string;

  @ApiPropertyOptional({ description: '`parked-again`: why it failed again.' })
  reasonClass?: string;

  @ApiPropertyOptional()
  reason?: string;

  @ApiPropertyOptional()
  detail?: string;

  @ApiPropertyOptional({ type: 'integer', description: '`parked-again`: tries so far.' })
  attempts?: number;

  @ApiPropertyOptional({ description: '`requeued`: the subscription\'s status (active, disabled, deleted).' })
  subscriptionStatus?: string;

  @ApiPropertyOptional({ description: '`not-parked`: its status now.' })
  status?: string;
}

export class DeadLetterActionResponseDto {
  @ApiProperty()
  dryRun!: boolean;

  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' }, example: { applied: 1, 'parked-again': 1 } })
  summary!: Record<string, number>;

  @ApiProperty({ type: () => DeadLetterItemOutcomeDto, isArray: true })
  items!: DeadLetterItemOutcomeDto[];

  @ApiProperty({ description: 'More parked dead letters matched than one request handles (500): send it again.' })
  more!: boolean;
}
