/**
 * Slots the dispatcher set aside for one registry transaction: up to `slots` of the deliveries
 * it writes are leased in it (for `leaseMs`) and sent the moment it commits. `leaseEnds` is
 * this process's clock (performance.now()) when the lease runs out at the latest.
 */
export interface DeliveryHandOff {
  slots: number;
  readonly leaseMs: number;
  readonly leaseEnds: number;
}
