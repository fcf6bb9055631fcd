import { IsISO4217CurrencyCode, IsInt, IsPositive, Matches, Max } from 'class-validator';

/** An amount in minor units (cents) of an ISO 4217 currency. */
export class Money {
  @IsInt()
  @IsPositive()
  @Max(Number.MAX_SAFE_INTEGER)
  value!: number;

  // class-validator's ISO 4217 check ignores case; the codes are upper case.
  @Matches(/^[A-Z]{3}$/, { message: '$property must be an upper-case ISO 4217 code such as EUR' })
  @IsISO4217CurrencyCode()
  currency!: string;
}
