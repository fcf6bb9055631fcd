import { ApiProperty } from '@nestjs/swagger';
import { IsVoucherCode, recognise, VOUCHER_CODE_PATTERN } from '@voucher-bridge/voucher-contract';

/** Body of `POST /v1/voucher-lookups`: the code travels in the body, never in a URL. */
export class VoucherLookupRequestDto {
  @ApiProperty({ pattern: VOUCHER_CODE_PATTERN.source, example: 'GIFT-2026-ABCD', description: 'The code the customer entered.' })
  @IsVoucherCode()
  voucherCode!: string;

  /**
   * The everyday lookup, recognised without the decorators' metadata walk (a RecognisableBody of
   * libs/http): only ever stricter than the decorator above; anything else is validated in full.
   */
  static recognise(plain: unknown): VoucherLookupRequestDto | undefined {
    if (!recognise.record(plain) || !recognise.exactly(plain, FIELDS) || !recognise.voucherCode(plain.voucherCode)) return undefined;
    return Object.assign(new VoucherLookupRequestDto(), plain);
  }
}

const FIELDS = ['voucherCode'];
