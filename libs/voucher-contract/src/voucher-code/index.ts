export { hashVoucherCode, maskVoucherCode } from './voucher-code';
