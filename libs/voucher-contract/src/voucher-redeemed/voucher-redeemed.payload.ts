import { Type } from 'class-transformer';
import { IsDefined, IsObject, ValidateNested } from 'class-validator';
import { IsDateTimeWithOffset, IsReferenceId, Money } from '../rules';

/** payload of `voucher.redeemed` v1: (part of) a voucher's value was spent at a cashbox. */
export class VoucherRedeemedPayload {
  /** The amount taken off the voucher, in its currency. */
  @IsDefined()
  @IsObject({ message: '$property must be a JSON object' })
  @ValidateNested()
  @Type(() => Money)
  amount!: Money;

  @IsReferenceId()
  receiptNumber!: string;

  @IsDateTimeWithOffset()
  redeemedAt!: string;
}
