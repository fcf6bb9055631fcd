export { IsVoucherCode, VOUCHER_CODE_PATTERN } from './voucher-code.rule';
export { IsDateTimeWithOffset, isDateTimeWithOffset, withSeconds } from './date-time-with-offset.rule';
export { IsAfter } from './is-after.rule';
export { IsReferenceId } from './reference-id.rule';
export { Money } from './money';
export { IsCancellationReason } from './cancellation-reason.rule';
export { recognise } from './recognisers';
