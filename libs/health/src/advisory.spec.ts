import { advisory } from './advisory';

describe('advisory', () => {
  it('reports a failed check as degraded, keeping its details', async () => {
    const check = advisory(async () => ({ kafka: { status: 'down', message: 'not connected yet: producer' } }));
    await expect(check()).resolves.toEqual({ kafka: { status: 'degraded', message: 'not connected yet: producer' } });
  });

  it('passes a healthy check through', async () => {
    await expect(advisory(async () => ({ kafka: { status: 'up' } }))()).resolves.toEqual({ kafka: { status: 'up' } });
  });
});
