import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsObject, ValidateNested } from 'class-validator';
import { IsDateTimeWithOffset, IsReferenceId, IsVoucherCode, Money } from '@voucher-bridge/voucher-contract';
import { Amount, DATE_TIME_WITH_OFFSET, REFERENCE_ID, VOUCHER_CODE } from '../voucher-events/request.api-schema';

/**
 * Body of `POST /v1/voucher-redemptions`. Its own class (not the event payload's), so the API and
 * the event schema can evolve apart; the rules are the contract's.
 */
export class VoucherRedemptionRequestDto {
  @ApiProperty(VOUCHER_CODE)
  @IsVoucherCode()
  voucherCode!: string;

  @ApiProperty({ type: () => Amount, description: 'What is taken off the voucher, in minor units of its currency.' })
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

  @ApiProperty({ ...REFERENCE_ID, example: 'R-000200' })
  @IsReferenceId()
  receiptNumber!: string;

  @ApiProperty({ ...DATE_TIME_WITH_OFFSET, example: '2026-11-22T10:00:00+01:00' })
  @IsDateTimeWithOffset()
  redeemedAt!: string;
}
