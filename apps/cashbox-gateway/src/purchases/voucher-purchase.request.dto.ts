import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsObject, IsOptional, ValidateNested } from 'class-validator';
import { IsAfter, IsDateTimeWithOffset, IsReferenceId, IsVoucherCode, Money } from '@voucher-bridge/voucher-contract';
import { Amount, DATE_TIME_WITH_OFFSET, REFERENCE_ID, VOUCHER_CODE } from '../voucher-events/request.api-schema';

/**
 * Body of `POST /v1/voucher-purchases`. Its own class (not the event payload's), so the API and
 * the event schema can evolve apart; the rules are the contract's, so they cannot drift.
 */
export class VoucherPurchaseRequestDto {
  @ApiProperty(VOUCHER_CODE)
  @IsVoucherCode()
  voucherCode!: string;

  // IsObject: ValidateNested alone takes an array and checks its elements, so `[]` would pass.
  @ApiProperty({ type: () => Amount, description: 'The voucher\'s value. A JSON object; unknown fields are refused like everywhere else.' })
  @IsDefined()
  @IsObject({ message: '$property must be a JSON object' })
  @ValidateNested()
  @Type(() => Money)
  amount!: Money;

  @ApiProperty({ ...REFERENCE_ID, example: 'store-042', description: 'Must be the store the API key belongs to (else 403).' })
  @IsReferenceId()
  storeId!: string;

  @ApiProperty({ ...REFERENCE_ID, example: 'box-7', description: 'Must be the cashbox the API key belongs to (else 403).' })
  @IsReferenceId()
  cashboxId!: string;

  @ApiProperty({ ...REFERENCE_ID, example: 'R-000123' })
  @IsReferenceId()
  receiptNumber!: string;

  @ApiProperty({ ...DATE_TIME_WITH_OFFSET, example: '2026-11-21T11:15:00+01:00' })
  @IsDateTimeWithOffset()
  purchasedAt!: string;

  @ApiPropertyOptional({ ...DATE_TIME_WITH_OFFSET, example: '2029-11-21T23:59:59+01:00', description: `${DATE_TIME_WITH_OFFSET.description} After \`purchasedAt\`.` })
  @IsOptional()
  @IsDateTimeWithOffset()
  @IsAfter('purchasedAt')
  expiresAt?: string;
}
