import { ApiProperty } from '@nestjs/swagger';

/**
 * The contract's `Money` as the OpenAPI document shows it: the contract library knows no Nest, so
 * its rules are described here again (validation still runs on `Money`'s own decorators).
 */
export class Amount {
  @ApiProperty({ type: 'integer', minimum: 1, maximum: Number.MAX_SAFE_INTEGER, example: 5000, description: 'Minor units (cents) of `currency`.' })
  value!: number;

  @ApiProperty({ pattern: '^[A-Z]{3}$', example: 'EUR', description: 'Upper-case ISO 4217 code.' })
  currency!: string;
}
