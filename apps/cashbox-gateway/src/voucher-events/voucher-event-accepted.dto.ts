/** The 202 answer to every voucher event a cashbox posts. */
export interface VoucherEventAcceptedDto {
  eventId: string;
  status: 'accepted';
}
