import type { IncomingHttpHeaders } from 'node:http';
import { parse as parseQueryString } from 'node:querystring';
import type { CachedAnswer, RouteDefinition } from '../routes/route.model';

/** A route whose answers are cached and that the fast path may serve (no params, no own-wallet rule). */
export type CachedReadRoute = RouteDefinition & { cache: CachedAnswer; method: 'GET' };

/** A request the fast path may answer from the cache: its route and the wallet it asks about. */
export interface CachedRead {
  route: CachedReadRoute;
  wallet: string;
}

/** The routes of the table the fast path serves, by exact path. */
export function cachedReadRoutes(routes: readonly RouteDefinition[]): Map<string, CachedReadRoute> {
  const byPath = new Map<string, CachedReadRoute>();
  for (const route of routes) {
    if (route.method !== 'GET' || !route.cache || !route.query || route.params || route.ownWallet) continue;
    byPath.set(route.path, route as CachedReadRoute);
  }
  return byPath;
}

/**
 * Whether a request is a plain cached read the fast path may answer, and which. Anything else —
 * another method or path (case, trailing slash), a conditional request (the full pipeline answers
 * 304s), a query the route's schema refuses (the full pipeline answers the 400) — is undefined and
 * goes the full way. The query is parsed as Express 5's default ("simple") parser does.
 */
export function cachedReadOf(
  routes: ReadonlyMap<string, CachedReadRoute>,
  method: string | undefined,
  url: string | undefined,
  headers: IncomingHttpHeaders,
): CachedRead | undefined {
  if (method !== 'GET' || !url) return undefined;
  if (headers['if-none-match'] !== undefined || headers['if-modified-since'] !== undefined) return undefined;
  const mark = url.indexOf('?');
  const route = routes.get(mark < 0 ? url : url.slice(0, mark));
  if (!route) return undefined;
  const parsed = route.query!.safeParse(mark < 0 ? {} : { ...parseQueryString(url.slice(mark + 1)) });
  if (!parsed.success) return undefined;
  const wallet = (parsed.data as Record<string, unknown>)['address'];
  return typeof wallet === 'string' ? { route, wallet } : undefined;
}
