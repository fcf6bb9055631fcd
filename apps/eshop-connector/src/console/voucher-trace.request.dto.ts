import { ApiProperty } from '@nestjs/swagger';
import { IsVoucherCode, VOUCHER_CODE_PATTERN } from '@voucher-bridge/voucher-contract';

/** Body of `POST /v1/operations/voucher-traces`: the code travels in the body, never in a URL. */
export class VoucherTraceRequestDto {
  @ApiProperty({ pattern: VOUCHER_CODE_PATTERN.source, example: 'GIFT-2026-ABCD', description: 'The code on the voucher or receipt.' })
  @IsVoucherCode()
  voucherCode!: string;
}
