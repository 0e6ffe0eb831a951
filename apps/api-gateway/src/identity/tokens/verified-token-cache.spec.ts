import { VerifiedTokenCache } from './verified-token-cache';

describe(VerifiedTokenCache.name, () => {
  it('answers the claims until the expiry, then forgets the token', () => {
    const cache = new VerifiedTokenCache<{ sub: string }>(10);
    cache.set('t', { sub: '0xa' }, 2_000);
    expect(cache.get('t', 1_999)).toEqual({ sub: '0xa' });
    expect(cache.get('t', 2_000)).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('knows nothing of a token it was not given', () => {
    const cache = new VerifiedTokenCache<{ sub: string }>(10);
    cache.set('t', { sub: '0xa' }, 2_000);
    expect(cache.get('t2', 0)).toBeUndefined();
  });

  it('drops the oldest token when full', () => {
    const cache = new VerifiedTokenCache<number>(2);
    cache.set('a', 1, 10);
    cache.set('b', 2, 10);
    cache.set('c', 3, 10);
    expect([cache.get('a', 0), cache.get('b', 0), cache.get('c', 0)]).toEqual([undefined, 2, 3]);
  });
});
