import type { ApiKey } from '@voucher-bridge/api-keys';
import { ProblemException } from '@voucher-bridge/http';

/**
 * A cashbox key speaks only for its own store and cashbox: a request naming another one is
 * refused with 403 before anything is written.
 */
export function assertKeyIsFor(key: ApiKey, request: { storeId: string; cashboxId: string }): void {
  if (request.storeId !== key.storeId) {
    throw ProblemException.of(403, 'forbidden-store', 'Forbidden',
      'This API key belongs to another store.', { field: 'storeId' });
  }
  if (request.cashboxId !== key.cashboxId) {
    throw ProblemException.of(403, 'forbidden-cashbox', 'Forbidden',
      'This API key belongs to another cashbox.', { field: 'cashboxId' });
  }
}
