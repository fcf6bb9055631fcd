import type { ApiKeyKind } from '../secret/api-key-secret';

/** A key as stored and listed: never the secret. */
export interface ApiKey {
  id: string;
  kind: ApiKeyKind;
  hint: string;
  /** The store a cashbox key is bound to; null for keys not bound to a store. */
  storeId: string | null;
  cashboxId: string | null;
  label: string | null;
  createdAt: Date;
  revokedAt: Date | null;
}

export interface NewApiKey {
  kind: ApiKeyKind;
  storeId?: string;
  cashboxId?: string;
  label?: string;
}
