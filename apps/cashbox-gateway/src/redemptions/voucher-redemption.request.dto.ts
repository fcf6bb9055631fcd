import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsObject, ValidateNested } from 'class-validator';
import { IsDateTimeWithOffset, Money, recognise } from '@voucher-bridge/voucher-contract';
import { CASHBOX_REQUEST_FIELDS, CashboxRequestDto, recognisesCashboxFields } from '../voucher-events/cashbox-request.dto';
import { Amount, DATE_TIME_WITH_OFFSET } from '../voucher-events/request.api-schema';

/**
 * Body of `POST /v1/voucher-redemptions`. Its own class (not the event payload's), so the API and
 * the event schema can evolve apart; the rules are the contract's.
 */
export class VoucherRedemptionRequestDto extends CashboxRequestDto {
  @ApiProperty({ type: () => Amount, description: 'What is taken off the voucher, in minor units of its currency.' })
  @IsDefined()
  @IsObject({ message: '$property must be a JSON object' })
  @ValidateNested()
  @Type(() => Money)
  amount!: Money;

  @ApiProperty({ ...DATE_TIME_WITH_OFFSET, example: '2026-11-22T10:00:00+01:00' })
  @IsDateTimeWithOffset()
  redeemedAt!: string;

  /** The everyday redemption, recognised without the metadata walk (see VoucherPurchaseRequestDto.recognise). */
  static recognise(plain: unknown): VoucherRedemptionRequestDto | undefined {
    if (!recognise.record(plain) || !recognise.exactly(plain, FIELDS) || !recognisesCashboxFields(plain)
      || !recognise.money(plain.amount) || !recognise.dateTimeWithOffset(plain.redeemedAt)) return undefined;
    return Object.assign(new VoucherRedemptionRequestDto(), plain, { amount: Object.assign(new Money(), plain.amount) });
  }
}

const FIELDS = [...CASHBOX_REQUEST_FIELDS, 'amount', 'redeemedAt'];
