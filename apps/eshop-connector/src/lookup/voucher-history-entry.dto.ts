import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** One event of a voucher's history as the web shop sees it: applied, or refused with the rule. */
export class VoucherHistoryEntryDto {
  @ApiProperty({ format: 'uuid' })
  eventId!: string;

  /** `voucher.purchased`, `voucher.redeemed` or `voucher.cancelled`. */
  @ApiProperty({ enum: ['voucher.purchased', 'voucher.redeemed', 'voucher.cancelled'], example: 'voucher.redeemed' })
  type!: string;

  @ApiProperty({ example: 'store-042' })
  store!: string;

  @ApiProperty({ example: 'box-7' })
  cashbox!: string;

  @ApiProperty({ format: 'date-time' })
  occurredAt!: string;

  @ApiProperty({ enum: ['applied', 'refused'] })
  outcome!: 'applied' | 'refused';

  /** 1, 2, 3 … for applied events; absent for refused ones. */
  @ApiPropertyOptional({ type: 'integer', example: 2, description: '1, 2, 3 … per voucher for applied events; absent for refused ones.' })
  sequence?: number;

  /** Purchased or redeemed amount; null for a cancellation. */
  @ApiProperty({
    type: 'object', nullable: true, additionalProperties: false, example: { value: 1500, currency: 'EUR' },
    properties: { value: { type: 'integer' }, currency: { type: 'string' } },
    description: 'Purchased or redeemed amount; null for a cancellation.',
  })
  amount!: { value: number; currency: string } | null;

  /** The balance after the event (after a refused one: unchanged). */
  @ApiProperty({ type: 'integer', nullable: true, example: 3500 })
  balanceAfter!: number | null;

  /** For refused events: the rule broken, e.g. INSUFFICIENT_FUNDS. */
  @ApiPropertyOptional({ example: 'INSUFFICIENT_FUNDS', description: 'For refused events: the rule the event broke.' })
  rule?: string;
}
