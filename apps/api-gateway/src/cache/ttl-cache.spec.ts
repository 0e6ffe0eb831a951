import { TtlCache } from './ttl-cache';

describe(TtlCache.name, () => {
  it('answers an entry until its time is up', () => {
    const cache = new TtlCache<string>(1_000, 10);
    cache.set('a', 'x', 0);
    expect(cache.get('a', 999)).toBe('x');
    expect(cache.get('a', 1_000)).toBeUndefined();
  });

  it('drops the oldest entry when full', () => {
    const cache = new TtlCache<number>(1_000, 2);
    cache.set('a', 1, 0);
    cache.set('b', 2, 0);
    cache.set('c', 3, 0);
    expect([cache.get('a', 1), cache.get('b', 1), cache.get('c', 1)]).toEqual([undefined, 2, 3]);
  });

  it('drops entries by prefix', () => {
    const cache = new TtlCache<number>(1_000, 10);
    cache.set('eligibility:0xa', 1, 0);
    cache.set('eligibility:0xb', 1, 0);
    cache.set('profile:0xa', 1, 0);
    expect(cache.deletePrefix('eligibility:')).toBe(2);
    expect(cache.size).toBe(1);
  });

  it('caches nothing with a zero TTL', () => {
    const cache = new TtlCache<number>(0, 10);
    cache.set('a', 1, 0);
    expect(cache.get('a', 0)).toBeUndefined();
  });
});
