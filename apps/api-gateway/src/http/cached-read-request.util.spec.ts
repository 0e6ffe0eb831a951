import { forwardedRoutes } from '../routes/route-table';
import { cachedReadOf, cachedReadRoutes } from './cached-read-request.util';

describe('cachedReadRoutes', () => {
  it('takes the cached GET routes of the table without params, by path', () => {
    expect([...cachedReadRoutes(Object.values(forwardedRoutes)).keys()].sort()).toEqual([
      '/api/blockchain/user-profile',
      '/api/unlocks/eligibility',
    ]);
  });
});

describe('cachedReadOf', () => {
  const routes = cachedReadRoutes(Object.values(forwardedRoutes));
  const address = '0xAbCdEf0123456789abcdef0123456789ABCDEF01';

  it('reads the route and the wallet (lowercase, as the route schema answers it)', () => {
    const read = cachedReadOf(routes, 'GET', `/api/unlocks/eligibility?address=${address}`, {});
    expect(read?.route.id).toBe('unlocks.eligibility');
    expect(read?.wallet).toBe(address.toLowerCase());
    expect(cachedReadOf(routes, 'GET', `/api/blockchain/user-profile?address=${address}`, {})?.route.id).toBe(
      'profiles.get',
    );
  });

  it('leaves other methods, paths and spellings to the full pipeline', () => {
    expect(cachedReadOf(routes, 'HEAD', `/api/unlocks/eligibility?address=${address}`, {})).toBeUndefined();
    expect(cachedReadOf(routes, 'POST', `/api/unlocks/eligibility?address=${address}`, {})).toBeUndefined();
    expect(cachedReadOf(routes, 'GET', `/api/unlocks/eligibility/?address=${address}`, {})).toBeUndefined();
    expect(cachedReadOf(routes, 'GET', `/API/unlocks/eligibility?address=${address}`, {})).toBeUndefined();
    expect(cachedReadOf(routes, 'GET', `/api/unlocks?address=${address}`, {})).toBeUndefined();
  });

  it('leaves queries the schema refuses to the full pipeline, which names the field', () => {
    expect(cachedReadOf(routes, 'GET', '/api/unlocks/eligibility', {})).toBeUndefined();
    expect(cachedReadOf(routes, 'GET', '/api/unlocks/eligibility?address=0x12', {})).toBeUndefined();
    expect(
      cachedReadOf(routes, 'GET', `/api/unlocks/eligibility?address=${address}&extra=1`, {}),
    ).toBeUndefined();
    expect(
      cachedReadOf(routes, 'GET', `/api/unlocks/eligibility?address=${address}&address=${address}`, {}),
    ).toBeUndefined();
  });

  it('leaves conditional requests to the full pipeline (it answers the 304s)', () => {
    const url = `/api/unlocks/eligibility?address=${address}`;
    expect(cachedReadOf(routes, 'GET', url, { 'if-none-match': 'W/"1-a"' })).toBeUndefined();
    expect(
      cachedReadOf(routes, 'GET', url, { 'if-modified-since': 'Sun, 22 Nov 2026 08:00:00 GMT' }),
    ).toBeUndefined();
  });
});
