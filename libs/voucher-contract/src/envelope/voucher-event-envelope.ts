import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsInt, IsObject, IsUUID, ValidateNested } from 'class-validator';
import { IsDateTimeWithOffset, IsVoucherCode } from '../rules';
import { VoucherEventSource } from './voucher-event-source';
import { VOUCHER_EVENT_TYPES, type VoucherEventType } from './voucher-event-type';

/**
 * What travels on `<env>.voucher`: metadata common to all voucher events around a typed payload.
 * The voucher code is also the Kafka message key, so one voucher's events stay in order.
 */
export class VoucherEventEnvelope<TPayload extends object = object> {
  @IsUUID()
  eventId!: string;

  @IsIn(Object.keys(VOUCHER_EVENT_TYPES))
  eventType!: VoucherEventType;

  @IsInt()
  schemaVersion!: number;

  @IsDateTimeWithOffset()
  occurredAt!: string;

  // IsObject: ValidateNested alone takes an array and checks its elements, so `[]` would pass.
  @IsDefined()
  @IsObject({ message: '$property must be a JSON object' })
  @ValidateNested()
  @Type(() => VoucherEventSource)
  source!: VoucherEventSource;

  @IsVoucherCode()
  voucherCode!: string;

  @IsObject()
  payload!: TPayload;
}

