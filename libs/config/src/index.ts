export { environmentOf } from './environment-of';
export { validateEnvironment } from './validate-environment';
export { VoucherEnvironment, isProductionEnvironment } from './voucher.environment';
export { VoucherTopics, VoucherTopicsModule } from './voucher-topics';
