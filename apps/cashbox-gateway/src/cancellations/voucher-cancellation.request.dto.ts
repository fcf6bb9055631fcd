import { ApiProperty } from '@nestjs/swagger';
import { IsCancellationReason, IsDateTimeWithOffset, recognise } from '@voucher-bridge/voucher-contract';
import { CASHBOX_REQUEST_FIELDS, CashboxRequestDto, recognisesCashboxFields } from '../voucher-events/cashbox-request.dto';
import { DATE_TIME_WITH_OFFSET } from '../voucher-events/request.api-schema';

/** Body of `POST /v1/voucher-cancellations`: its own class, with the contract's rules. */
export class VoucherCancellationRequestDto extends CashboxRequestDto {
  @ApiProperty({ ...DATE_TIME_WITH_OFFSET, example: '2026-11-23T10:00:00+01:00' })
  @IsDateTimeWithOffset()
  cancelledAt!: string;

  @ApiProperty({ minLength: 1, maxLength: 200, example: 'sold by mistake', description: 'Why, in the cashier\'s words: one line of at most 200 characters.' })
  @IsCancellationReason()
  reason!: string;

  /** The everyday cancellation, recognised without the metadata walk (see VoucherPurchaseRequestDto.recognise). */
  static recognise(plain: unknown): VoucherCancellationRequestDto | undefined {
    if (!recognise.record(plain) || !recognise.exactly(plain, FIELDS) || !recognisesCashboxFields(plain)
      || !recognise.dateTimeWithOffset(plain.cancelledAt) || !recognise.cancellationReason(plain.reason)) return undefined;
    return Object.assign(new VoucherCancellationRequestDto(), plain);
  }
}

const FIELDS = [...CASHBOX_REQUEST_FIELDS, 'cancelledAt', 'reason'];
