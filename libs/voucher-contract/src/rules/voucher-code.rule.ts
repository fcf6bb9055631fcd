import { Matches, ValidationOptions } from 'class-validator';

/** 8–64 characters of A–Z, 0–9 and '-'. */
export const VOUCHER_CODE_PATTERN = /^[A-Z0-9-]{8,64}$/;

export function IsVoucherCode(options?: ValidationOptions): PropertyDecorator {
  return Matches(VOUCHER_CODE_PATTERN, {
    message: '$property must be 8-64 characters of A-Z, 0-9 and "-"',
    ...options,
  });
}
