import { ApiProperty } from '@nestjs/swagger';
import { VOUCHER_CODE_PATTERN } from '@voucher-bridge/voucher-contract';

/**
 * How the request bodies' fields appear in the OpenAPI document. The contract library knows no
 * Nest, so its rules are described here again; validation still runs on the contract's decorators.
 */
export const VOUCHER_CODE = {
  pattern: VOUCHER_CODE_PATTERN.source, example: 'GIFT-2026-ABCD',
  description: 'The code printed on the voucher. A bearer value: it is never logged or put in a URL.',
};

export const REFERENCE_ID = { maxLength: 64, description: 'Printable ASCII without spaces, at most 64 characters.' };

export const DATE_TIME_WITH_OFFSET = {
  format: 'date-time',
  description: 'ISO 8601 date-time with an offset (at most ±14:00), a real calendar date in the years 2000–9999.',
};

/** The contract's `Money` as the OpenAPI document shows it. */
export class Amount {
  @ApiProperty({ type: 'integer', minimum: 1, maximum: Number.MAX_SAFE_INTEGER, example: 5000, description: 'Minor units (cents) of `currency`.' })
  value!: number;

  @ApiProperty({ pattern: '^[A-Z]{3}$', example: 'EUR', description: 'Upper-case ISO 4217 code.' })
  currency!: string;
}
