import { IsReferenceId, IsVoucherCode, VoucherPurchasedPayload } from '@voucher-bridge/voucher-contract';

/**
 * Body of `POST /v1/voucher-purchases`: the event payload's fields and rules (inherited, so
 * they cannot drift apart) plus the voucher code and where it was sold.
 */
export class VoucherPurchaseRequestDto extends VoucherPurchasedPayload {
  @IsVoucherCode()
  voucherCode!: string;

  @IsReferenceId()
  storeId!: string;

  @IsReferenceId()
  cashboxId!: string;
}
