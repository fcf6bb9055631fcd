export const FAULT_KINDS = [
  'gateway-kill-accepting',
  'gateway-kill-relaying',
  'gateway-pause-relaying',
  'connector-kill-mid-batch',
  'connector-kill-mid-delivery',
  'broker-leader-kill',
  'kafka-connections-silenced',
  'partitions-added',
  'postgres-connections-cut',
  'postgres-connections-silenced',
  'connector-pause',
  'shop-down',
  'postgres-restart',
] as const;

export type FaultKind = (typeof FAULT_KINDS)[number];

export interface InjectedFault {
  kind: FaultKind;
  target: string;
  startedAt: number;
  endedAt: number;
  /** Whether the cashboxes' load was still running when it struck. */
  underLoad: boolean;
  detail?: string;
  /** What the bridge failed to do while the fault lasted, when the fault itself can tell. */
  violation?: string;
}
