import { ApiProperty } from '@nestjs/swagger';
import { VoucherHistoryEntryDto } from './voucher-history-entry.dto';

export class VoucherLookupResponseDto {
  /** The code as logs and screens may show it. */
  @ApiProperty({ example: '****ABCD', description: 'Masked: only the last four characters.' })
  voucherCode!: string;

  /** `redeemed`: balance 0; `expired`: past expiresAt now (a cancelled voucher stays `cancelled`). */
  @ApiProperty({ enum: ['active', 'redeemed', 'cancelled', 'expired'], example: 'active' })
  status!: 'active' | 'redeemed' | 'cancelled' | 'expired';

  /** Remaining value in minor units of `currency`. */
  @ApiProperty({ type: 'integer', example: 3500, description: 'Remaining value in minor units (cents) of `currency`.' })
  balance!: number;

  @ApiProperty({ example: 'EUR', description: 'ISO 4217 code.' })
  currency!: string;

  @ApiProperty({ format: 'date-time', example: '2026-11-21T10:15:00.000Z' })
  issuedAt!: string;

  @ApiProperty({ type: 'string', format: 'date-time', nullable: true, example: '2029-11-21T22:59:59.000Z', description: 'null: never expires.' })
  expiresAt!: string | null;

  /** The events applied to and refused for this voucher, in the order they were handled. */
  @ApiProperty({ type: () => VoucherHistoryEntryDto, isArray: true })
  history!: VoucherHistoryEntryDto[];
}
