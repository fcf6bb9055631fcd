export {
  VOUCHER_ENVIRONMENT_PATTERN,
  assertVoucherEnvironment,
  voucherDeadLetterTopic,
  voucherRelayPositionTopic,
  voucherRelayTransactionalId,
  voucherTopic,
} from './voucher-topic';
