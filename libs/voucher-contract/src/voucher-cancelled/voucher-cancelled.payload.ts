import { IsCancellationReason, IsDateTimeWithOffset, IsReferenceId } from '../rules';

/** payload of `voucher.cancelled` v1: a voucher was cancelled at a cashbox; irreversible. */
export class VoucherCancelledPayload {
  @IsReferenceId()
  receiptNumber!: string;

  @IsDateTimeWithOffset()
  cancelledAt!: string;

  /** Why, in the cashier's words (shown to operators and the shop). */
  @IsCancellationReason()
  reason!: string;
}
