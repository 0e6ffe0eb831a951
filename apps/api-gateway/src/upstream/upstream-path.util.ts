import type { UpstreamTarget } from '../routes/route.model';

/**
 * The owner's path and query for a validated request: `{name}` placeholders filled (URL-encoded)
 * from the params and query, and the query fields the target lists passed on.
 *
 * @example
 * upstreamPathOf({ service: 'unlock-engine', method: 'GET', path: '/unlocks/{id}/ceremony', query: ['address'] },
 *   { id: 'gold' }, { address: '0xab…' }) // '/unlocks/gold/ceremony?address=0xab…'
 */
export function upstreamPathOf(
  target: UpstreamTarget,
  params: Record<string, unknown>,
  query: Record<string, unknown>,
): string {
  const values = { ...query, ...params };
  const path = target.path.replace(/\{([A-Za-z0-9_]+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined)
      throw new Error(`upstream path ${target.path} needs "${name}", which the route lacks`);
    return encodeURIComponent(String(value));
  });
  const search = new URLSearchParams();
  for (const name of target.query ?? []) {
    const value = query[name];
    if (value !== undefined) search.set(name, String(value));
  }
  const qs = search.toString();
  return qs ? `${path}?${qs}` : path;
}
