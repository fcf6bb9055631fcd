import { ApiProperty } from '@nestjs/swagger';
import { IsCancellationReason, IsDateTimeWithOffset, IsReferenceId, IsVoucherCode } from '@voucher-bridge/voucher-contract';
import { DATE_TIME_WITH_OFFSET, REFERENCE_ID, VOUCHER_CODE } from '../voucher-events/request.api-schema';

/** Body of `POST /v1/voucher-cancellations`: its own class, with the contract's rules. */
export class VoucherCancellationRequestDto {
  @ApiProperty(VOUCHER_CODE)
  @IsVoucherCode()
  voucherCode!: string;

  @ApiProperty({ ...REFERENCE_ID, example: 'store-042', description: 'Must be the store the API key belongs to (else 403).' })
  @IsReferenceId()
  storeId!: string;

  @ApiProperty({ ...REFERENCE_ID, example: 'box-7', description: 'Must be the cashbox the API key belongs to (else 403).' })
  @IsReferenceId()
  cashboxId!: string;

  @ApiProperty({ ...REFERENCE_ID, example: 'R-000300' })
  @IsReferenceId()
  receiptNumber!: string;

  @ApiProperty({ ...DATE_TIME_WITH_OFFSET, example: '2026-11-23T10:00:00+01:00' })
  @IsDateTimeWithOffset()
  cancelledAt!: string;

  @ApiProperty({ minLength: 1, maxLength: 200, example: 'sold by mistake', description: 'Why, in the cashier\'s words: one line of at most 200 characters.' })
  @IsCancellationReason()
  reason!: string;
}
