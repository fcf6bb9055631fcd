import { Type } from 'class-transformer';
import { IsDefined, IsObject, ValidateNested } from 'class-validator';
import { IsDateTimeWithOffset, IsReferenceId, IsVoucherCode, Money } from '@voucher-bridge/voucher-contract';

/**
 * Body of `POST /v1/voucher-redemptions`. Its own class (not the event payload's), so the API and
 * the event schema can evolve apart; the rules are the contract's.
 */
export class VoucherRedemptionRequestDto {
  @IsVoucherCode()
  voucherCode!: string;

  /** What is taken off the voucher, in minor units of its currency. */
  @IsDefined()
  @IsObject({ message: '$property must be a JSON object' })
  @ValidateNested()
  @Type(() => Money)
  amount!: Money;

  @IsReferenceId()
  storeId!: string;

  @IsReferenceId()
  cashboxId!: string;

  @IsReferenceId()
  receiptNumber!: string;

  @IsDateTimeWithOffset()
  redeemedAt!: string;
}
