import { ApiProperty } from '@nestjs/swagger';
import { IsReferenceId, IsVoucherCode, recognise } from '@voucher-bridge/voucher-contract';
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

/** The fields of CashboxRequestDto, for the body classes' `recognise` (see RecognisableBody). */
export const CASHBOX_REQUEST_FIELDS = ['voucherCode', 'storeId', 'cashboxId', 'receiptNumber'] as const;

/** CashboxRequestDto's fields as its decorators pass them, recognised without their metadata walk. */
export function recognisesCashboxFields(plain: Record<string, unknown>): boolean {
  return recognise.voucherCode(plain.voucherCode) && recognise.referenceId(plain.storeId) && recognise.referenceId(plain.cashboxId)
    && recognise.referenceId(plain.receiptNumber);
}
