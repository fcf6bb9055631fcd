import { IsCancellationReason, IsDateTimeWithOffset, IsReferenceId, IsVoucherCode } from '@voucher-bridge/voucher-contract';

/** Body of `POST /v1/voucher-cancellations`: its own class, with the contract's rules. */
export class VoucherCancellationRequestDto {
  @IsVoucherCode()
  voucherCode!: string;

  @IsReferenceId()
  storeId!: string;

  @IsReferenceId()
  cashboxId!: string;

  @IsReferenceId()
  receiptNumber!: string;

  @IsDateTimeWithOffset()
  cancelledAt!: string;

  @IsCancellationReason()
  reason!: string;
}
