export {
  VOUCHER_ENVIRONMENT_PATTERN,
  assertVoucherEnvironment,
  voucherConnectorGroupId,
  voucherDeadLetterTopic,
  voucherRelayPositionTopic,
  voucherRelayTransactionalId,
  voucherTopic,
} from './voucher-topic';
