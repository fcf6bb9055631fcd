import { ApiKey } from '../store/api-key';
import { ApiKeyCache } from './api-key.cache';

const key = { id: 'k1' } as ApiKey;

describe('ApiKeyCache', () => {
  afterEach(() => jest.useRealTimers());

  it('asks the store once per secret within the time-to-live, unknown secrets included', async () => {
    jest.useFakeTimers({ now: 0 });
    const cache = new ApiKeyCache(5_000);
    const load = jest.fn(async (secret: string) => (secret === 'good' ? key : undefined));
    expect(await cache.get('good', load)).toBe(key);
    expect(await cache.get('good', load)).toBe(key);
    expect(await cache.get('bad', load)).toBeUndefined();
    expect(await cache.get('bad', load)).toBeUndefined();
    expect(load).toHaveBeenCalledTimes(2);

    jest.setSystemTime(5_001);
    load.mockResolvedValue(undefined); // revoked meanwhile
    expect(await cache.get('good', load)).toBeUndefined();
    expect(load).toHaveBeenCalledTimes(3);
  });

  it('forgets the oldest entry when full', async () => {
    const cache = new ApiKeyCache(60_000, 2);
    const load = jest.fn(async () => key);
    await cache.get('a', load);
    await cache.get('b', load);
    await cache.get('c', load);
    await cache.get('a', load);
    expect(load).toHaveBeenCalledTimes(4);
  });
});
