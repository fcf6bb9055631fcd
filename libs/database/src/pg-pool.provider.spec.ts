import { EventEmitter } from 'node:events';
import { createPgPool } from './pg-pool.provider';

describe('createPgPool', () => {
  it('survives the error event PostgreSQL causes by closing an idle connection', async () => {
    // No connection is opened: the pool connects lazily.
    const pool = createPgPool({ url: 'postgresql://nobody@127.0.0.1:1/none' });
    const closed = Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
    // Without a listener, EventEmitter throws an 'error' event at the emitter (and ends the process).
    expect(() => pool.emit('error', closed)).not.toThrow();
    await pool.end();
  });

  it('survives the error of a connection in use whose user does not listen yet', async () => {
    const pool = createPgPool({ url: 'postgresql://nobody@127.0.0.1:1/none' });
    // What pg-pool emits when it connected a new client: the pool listens to it from then on.
    const client = new EventEmitter();
    pool.emit('connect', client);
    const closed = Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
    expect(() => client.emit('error', closed)).not.toThrow();
    await pool.end();
  });
});
