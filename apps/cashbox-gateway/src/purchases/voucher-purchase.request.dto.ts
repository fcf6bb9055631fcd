import { Type } from 'class-transformer';
import { IsDefined, IsObject, IsOptional, ValidateNested } from 'class-validator';
import { IsAfter, IsDateTimeWithOffset, IsReferenceId, IsVoucherCode, Money } from '@voucher-bridge/voucher-contract';

/**
 * Body of `POST /v1/voucher-purchases`. Its own class (not the event payload's), so the API and
 * the event schema can evolve apart; the rules are the contract's, so they cannot drift.
 */
export class VoucherPurchaseRequestDto {
  @IsVoucherCode()
  voucherCode!: string;

  // IsObject: ValidateNested alone takes an array and checks its elements, so `[]` would pass.
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
  purchasedAt!: string;

  @IsOptional()
  @IsDateTimeWithOffset()
  @IsAfter('purchasedAt')
  expiresAt?: string;
}
