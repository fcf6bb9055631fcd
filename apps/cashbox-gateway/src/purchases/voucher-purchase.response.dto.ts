export interface VoucherPurchaseAcceptedDto {
  eventId: string;
  status: 'accepted';
}
