import { Type } from 'class-transformer';
import { IsDefined, IsObject, IsOptional, ValidateNested } from 'class-validator';
import { IsAfter, IsDateTimeWithOffset, IsReferenceId, Money } from '../rules';

/** payload of `voucher.purchased` v1: a voucher was sold at a cashbox. */
export class VoucherPurchasedPayload {
  // IsObject: ValidateNested alone takes an array and checks its elements, so `[]` would pass.
  @IsDefined()
  @IsObject({ message: '$property must be a JSON object' })
  @ValidateNested()
  @Type(() => Money)
  amount!: Money;

  @IsReferenceId()
  receiptNumber!: string;

  @IsDateTimeWithOffset()
  purchasedAt!: string;

  @IsOptional()
  @IsDateTimeWithOffset()
  @IsAfter('purchasedAt')
  expiresAt?: string;
}
