import { forwardedRoutes, routeTable } from '../routes/route-table';
import { upstreamPathOf } from './upstream-path.util';

describe(upstreamPathOf.name, () => {
  it('fills placeholders from params and query and passes listed query fields on', () => {
    expect(upstreamPathOf(forwardedRoutes.ceremony.upstream, { id: 'gold' }, { address: '0xab' })).toBe(
      '/unlocks/gold/ceremony?address=0xab',
    );
    expect(upstreamPathOf(forwardedRoutes.eligibility.upstream, {}, { address: '0xab' })).toBe(
      '/eligibility/0xab',
    );
  });

  it('encodes values, so a param cannot change the path', () => {
    expect(upstreamPathOf(forwardedRoutes.unlock.upstream, { id: '../admin' }, {})).toBe(
      '/unlocks/..%2Fadmin',
    );
  });

  it('can fill every forwarded route from the fields its schemas declare', () => {
    for (const route of routeTable.filter((r) => r.upstream)) {
      const names = [...Object.keys(route.params?.shape ?? {}), ...Object.keys(route.query?.shape ?? {})];
      const sample = Object.fromEntries(names.map((n) => [n, 'x']));
      expect(() => upstreamPathOf(route.upstream!, sample, sample)).not.toThrow();
    }
  });
});
