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
});
