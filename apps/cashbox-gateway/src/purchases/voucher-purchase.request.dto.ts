import { Type } from 'class-transformer';
import { IsDefined, IsOptional, ValidateNested } from 'class-validator';
import {
  IsAfter,
  IsDateTimeWithOffset,
  IsReferenceId,
  IsVoucherCode,
  Money,
} from '@voucher-bridge/voucher-contract';

/** Body of `POST /v1/voucher-purchases`; the rules are the event contract's own. */
export class VoucherPurchaseRequestDto {
  @IsVoucherCode()
  voucherCode!: string;

  @IsDefined()
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
