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
  if (method !== 'GET' || !url || isConditional(headers)) return undefined;
  return cachedReadOfUrl(routes, url);
}

/** The URL half of {@link cachedReadOf}: its answer depends on the URL alone, so it can be remembered. */
export function cachedReadOfUrl(
  routes: ReadonlyMap<string, CachedReadRoute>,
  url: string,
): CachedRead | undefined {
  const mark = url.indexOf('?');
  const route = routes.get(mark < 0 ? url : url.slice(0, mark));
  if (!route) return undefined;
  const parsed = route.query!.safeParse(mark < 0 ? {} : { ...parseQueryString(url.slice(mark + 1)) });
  if (!parsed.success) return undefined;
  const wallet = (parsed.data as Record<string, unknown>)['address'];
  return typeof wallet === 'string' ? { route, wallet } : undefined;
}

function isConditional(headers: IncomingHttpHeaders): boolean {
  return headers['if-none-match'] !== undefined || headers['if-modified-since'] !== undefined;
}

/**
 * {@link cachedReadOf} remembering each URL's answer (the query parse and the route's schema were a
 * tenth of a cached read's CPU), for at most `maxUrls` URLs: when full, it forgets them all and
 * starts again. The conditional-request check still runs on every request.
 */
export class CachedReadRecognizer {
  private readonly byUrl = new Map<string, CachedRead | null>();

  constructor(
    private readonly routes: ReadonlyMap<string, CachedReadRoute>,
    private readonly maxUrls: number,
  ) {}

  readOf(
    method: string | undefined,
    url: string | undefined,
    headers: IncomingHttpHeaders,
  ): CachedRead | undefined {
    if (method !== 'GET' || !url || isConditional(headers)) return undefined;
    let read = this.byUrl.get(url);
    if (read === undefined) {
      read = cachedReadOfUrl(this.routes, url) ?? null;
      if (this.byUrl.size >= this.maxUrls) this.byUrl.clear();
      this.byUrl.set(url, read);
    }
    return read ?? undefined;
  }

  /** URLs remembered now (for tests). */
  get size(): number {
    return this.byUrl.size;
  }
}
