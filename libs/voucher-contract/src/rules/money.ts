import { IsISO4217CurrencyCode, IsInt, IsPositive, Max } from 'class-validator';

/** An amount in minor units (cents) of an ISO 4217 currency. */
export class Money {
  @IsInt()
  @IsPositive()
  @Max(Number.MAX_SAFE_INTEGER)
  value!: number;

  @IsISO4217CurrencyCode()
  currency!: string;
}
