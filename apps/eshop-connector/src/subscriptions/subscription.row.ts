import { SubscriptionDto } from './subscription.response.dto';

/** A webhook_subscription row as the subscriptions SQL selects it. */
export interface SubscriptionRow {
  id: string;
  url: string;
  event_types: string[];
  status: string;
  disabled_reason: string | null;
  created_at: Date;
}

export function toSubscription(row: SubscriptionRow): SubscriptionDto {
  return {
    id: row.id,
    url: row.url,
    eventTypes: row.event_types,
    status: row.status,
    disabledReason: row.disabled_reason,
    createdAt: row.created_at.toISOString(),
  };
}
