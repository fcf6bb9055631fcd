import { IsVoucherCode } from '@voucher-bridge/voucher-contract';

/** Body of `POST /v1/voucher-lookups`: the code travels in the body, never in a URL. */
export class VoucherLookupRequestDto {
  @IsVoucherCode()
  voucherCode!: string;
}
