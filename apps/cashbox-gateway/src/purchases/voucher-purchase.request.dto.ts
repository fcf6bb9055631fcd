import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsReferenceId, IsVoucherCode, Money, VOUCHER_CODE_PATTERN, VoucherPurchasedPayload } from '@voucher-bridge/voucher-contract';
import { Amount } from './amount.api-schema';

const DATE_TIME_WITH_OFFSET = 'ISO 8601 date-time with an offset (at most ±14:00), a real calendar date in the years 2000–9999.';

/**
 * Body of `POST /v1/voucher-purchases`: the event payload's fields and rules (inherited, so
 * they cannot drift apart) plus the voucher code and where it was sold. The inherited fields are
 * declared again only for the OpenAPI document: the contract library knows no Nest.
 */
export class VoucherPurchaseRequestDto extends VoucherPurchasedPayload {
  @ApiProperty({ pattern: VOUCHER_CODE_PATTERN.source, example: 'GIFT-2026-ABCD', description: 'The code printed on the voucher. A bearer value: it is never logged or put in a URL.' })
  @IsVoucherCode()
  voucherCode!: string;

  @ApiProperty({ maxLength: 64, example: 'store-042', description: 'Must be the store the API key belongs to (else 403).' })
  @IsReferenceId()
  storeId!: string;

  @ApiProperty({ maxLength: 64, example: 'box-7', description: 'Must be the cashbox the API key belongs to (else 403).' })
  @IsReferenceId()
  cashboxId!: string;

  @ApiProperty({ type: () => Amount, description: 'A JSON object; unknown fields are refused like everywhere else.' })
  override amount!: Money;

  @ApiProperty({ maxLength: 64, example: 'R-000123', description: 'Printable ASCII without spaces.' })
  override receiptNumber!: string;

  @ApiProperty({ format: 'date-time', example: '2026-11-21T11:15:00+01:00', description: DATE_TIME_WITH_OFFSET })
  override purchasedAt!: string;

  @ApiPropertyOptional({ format: 'date-time', example: '2029-11-21T23:59:59+01:00', description: `${DATE_TIME_WITH_OFFSET} After \`purchasedAt\`.` })
  override expiresAt?: string;
}
