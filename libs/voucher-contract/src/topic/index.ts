export {
  VOUCHER_ENVIRONMENT_PATTERN,
  assertVoucherEnvironment,
  voucherDeadLetterTopic,
  voucherTopic,
} from './voucher-topic';
