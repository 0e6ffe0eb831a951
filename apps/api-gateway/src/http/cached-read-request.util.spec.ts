import { forwardedRoutes } from '../routes/route-table';
import { CachedReadRecognizer, cachedReadOf, cachedReadRoutes } from './cached-read-request.util';

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

describe('CachedReadRecognizer', () => {
  const routes = cachedReadRoutes(Object.values(forwardedRoutes));
  const address = '0xAbCdEf0123456789abcdef0123456789ABCDEF01';
  const url = `/api/unlocks/eligibility?address=${address}`;

  it('answers as cachedReadOf does, for reads, refusals and conditional requests alike', () => {
    const recognizer = new CachedReadRecognizer(routes, 100);
    const cases: [string, string, Record<string, string>][] = [
      ['GET', url, {}],
      ['GET', url, {}], // remembered
      ['GET', url, { 'if-none-match': 'W/"1-a"' }], // remembered URL, still conditional
      ['GET', '/api/unlocks/eligibility?address=0x12', {}],
      ['GET', '/api/unlocks/eligibility?address=0x12', {}],
      ['POST', url, {}],
      ['GET', '/api/unlocks', {}],
    ];
    for (const [method, u, headers] of cases)
      expect(recognizer.readOf(method, u, headers)).toEqual(cachedReadOf(routes, method, u, headers));
    expect(recognizer.readOf('GET', url, {})?.wallet).toBe(address.toLowerCase());
  });

  it('remembers at most maxUrls URLs, starting again when full', () => {
    const recognizer = new CachedReadRecognizer(routes, 3);
    const urls = Array.from(
      { length: 4 },
      (_, i) => `/api/unlocks/eligibility?address=0x${String(i).padStart(40, '0')}`,
    );
    for (const u of urls.slice(0, 3)) recognizer.readOf('GET', u, {});
    expect(recognizer.size).toBe(3);
    expect(recognizer.readOf('GET', urls[3], {})?.wallet).toBe(`0x${'3'.padStart(40, '0')}`);
    expect(recognizer.size).toBe(1);
  });
});
