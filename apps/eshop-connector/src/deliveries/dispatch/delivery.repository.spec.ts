import { EventEmitter } from 'node:events';
import type { SqlPool } from '@voucher-bridge/database';
import { DeliveryRepository } from './delivery.repository';

/** A checked-out pg client as far as the claim uses it; `query` runs `during` on the claim statement. */
function fakeSession(during: (session: EventEmitter) => void) {
  const session = Object.assign(new EventEmitter(), {
    release: jest.fn(),
    query: jest.fn(async (statement: string | { text: string }) => {
      const sql = typeof statement === 'string' ? statement : statement.text;
      if (sql.includes('webhook_delivery')) during(session);
      return { rows: [] };
    }),
  });
  // Handed out the way pg-pool hands out an idle connection: calling back at once.
  const pool = { connect: (callback: (error: undefined, client: unknown) => void) => callback(undefined, session) } as unknown as SqlPool;
  return { session, repository: new DeliveryRepository(pool) };
}

describe('DeliveryRepository.claim', () => {
  it('survives PostgreSQL closing the checked-out connection, and drops that connection', async () => {
    const closed = new Error('Connection terminated unexpectedly');
    // Without a listener, EventEmitter throws the 'error' event (in production: the process ends).
    const { session, repository } = fakeSession((s) => s.emit('error', closed));
    await repository.claim(10, 1, 30_000);
    expect(session.release).toHaveBeenCalledWith(closed);
    expect(session.listenerCount('error')).toBe(0);
  });

  it('gives a healthy connection back to the pool', async () => {
    const { session, repository } = fakeSession(() => undefined);
    await expect(repository.claim(10, 1, 30_000)).resolves.toEqual([]);
    expect(session.release).toHaveBeenCalledWith(undefined);
  });
});
