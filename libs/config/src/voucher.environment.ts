import { Matches } from 'class-validator';
import { VOUCHER_ENVIRONMENT_PATTERN } from '@voucher-bridge/voucher-contract';

/** Which environment's topics an app uses: `prod` → `prod.voucher`. */
export class VoucherEnvironment {
  @Matches(VOUCHER_ENVIRONMENT_PATTERN, {
    message: 'VOUCHER_ENV must be prod, staging, dev or test, optionally with a -suffix (e.g. test-e2e)',
  })
  VOUCHER_ENV!: string;
}

/** `prod` and its suffixed variants (`prod-eu`) are production. */
export function isProductionEnvironment(voucherEnv: string | undefined): boolean {
  return /^prod(-|$)/.test(voucherEnv ?? '');
}
