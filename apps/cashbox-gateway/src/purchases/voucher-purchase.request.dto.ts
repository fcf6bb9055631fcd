import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsObject, IsOptional, ValidateNested } from 'class-validator';
import { IsAfter, IsDateTimeWithOffset, Money, recognise } from '@voucher-bridge/voucher-contract';
import { CASHBOX_REQUEST_FIELDS, CashboxRequestDto, recognisesCashboxFields } from '../voucher-events/cashbox-request.dto';
import { Amount, DATE_TIME_WITH_OFFSET } from '../voucher-events/request.api-schema';

/**
 * Body of `POST /v1/voucher-purchases`. Its own class (not the event payload's), so the API and
 * the event schema can evolve apart; the rules are the contract's, so they cannot drift.
 */
export class VoucherPurchaseRequestDto extends CashboxRequestDto {
  // IsObject: ValidateNested alone takes an array and checks its elements, so `[]` would pass.
  @ApiProperty({ type: () => Amount, description: 'The voucher\'s value. A JSON object; unknown fields are refused like everywhere else.' })
  @IsDefined()
  @IsObject({ message: '$property must be a JSON object' })
  @ValidateNested()
  @Type(() => Money)
  amount!: Money;

  @ApiProperty({ ...DATE_TIME_WITH_OFFSET, example: '2026-11-21T11:15:00+01:00' })
  @IsDateTimeWithOffset()
  purchasedAt!: string;

  @ApiPropertyOptional({ ...DATE_TIME_WITH_OFFSET, example: '2029-11-21T23:59:59+01:00', description: `${DATE_TIME_WITH_OFFSET.description} After \`purchasedAt\`.` })
  @IsOptional()
  @IsDateTimeWithOffset()
  @IsAfter('purchasedAt')
  expiresAt?: string;

  /**
   * The everyday purchase, recognised without the decorators' metadata walk (a RecognisableBody of
   * libs/http): only ever stricter than the decorators above; anything else is validated in full.
   */
  static recognise(plain: unknown): VoucherPurchaseRequestDto | undefined {
    if (!recognise.record(plain)) return undefined;
    const { amount, purchasedAt, expiresAt } = plain;
    if (!recognise.exactly(plain, expiresAt === undefined ? FIELDS : FIELDS_WITH_EXPIRY) || !recognisesCashboxFields(plain)
      || !recognise.money(amount) || !recognise.dateTimeWithOffset(purchasedAt)) return undefined;
    if (expiresAt !== undefined && !(recognise.dateTimeWithOffset(expiresAt) && recognise.after(expiresAt, purchasedAt))) return undefined;
    return Object.assign(new VoucherPurchaseRequestDto(), plain, { amount: Object.assign(new Money(), amount) });
  }
}

const FIELDS = [...CASHBOX_REQUEST_FIELDS, 'amount', 'purchasedAt'];
const FIELDS_WITH_EXPIRY = [...FIELDS, 'expiresAt'];
