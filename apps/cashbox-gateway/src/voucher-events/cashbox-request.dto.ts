import { ApiProperty } from '@nestjs/swagger';
import { IsReferenceId, IsVoucherCode } from '@voucher-bridge/voucher-contract';
import { REFERENCE_ID, VOUCHER_CODE } from './request.api-schema';

/** What every cashbox request names: the voucher, and the store, cashbox and receipt it happened on. */
export abstract class CashboxRequestDto {
  @ApiProperty(VOUCHER_CODE)
  @IsVoucherCode()
  voucherCode!: string;

  @ApiProperty({ ...REFERENCE_ID, example: 'store-042', description: 'Must be the store the API key belongs to (else 403).' })
  @IsReferenceId()
  storeId!: string;

  @ApiProperty({ ...REFERENCE_ID, example: 'box-7', description: 'Must be the cashbox the API key belongs to (else 403).' })
  @IsReferenceId()
  cashboxId!: string;

  @ApiProperty({ ...REFERENCE_ID, example: 'R-000123', description: 'The receipt the cashbox printed. Printable ASCII without spaces, at most 64 characters.' })
  @IsReferenceId()
  receiptNumber!: string;
}
