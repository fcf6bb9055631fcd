import { VOUCHER_EVENT_TYPES } from '@voucher-bridge/voucher-contract';
import type { VoucherEventType } from '@voucher-bridge/voucher-contract';

/** What a shop can subscribe to: every event type of the contract, nothing redefined here. */
export const SUBSCRIBABLE_EVENT_TYPES = Object.keys(VOUCHER_EVENT_TYPES) as VoucherEventType[];
