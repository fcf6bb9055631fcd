export { validateEnvironment } from './validate-environment';
export { VoucherEnvironment } from './voucher.environment';
