import type { z } from 'zod';

/** Who may call a route, from least to most privileged; each level includes the ones before it. */
export const accessLevels = ['public', 'viewer', 'operator', 'admin'] as const;
export type Access = (typeof accessLevels)[number];

/** A role a wallet or API key holds (`public` is what an anonymous caller gets). */
export type Role = Exclude<Access, 'public'>;

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** The services the gateway forwards to (base URLs from UPSTREAM_*_URL). */
export type UpstreamName = 'chain-indexer' | 'unlock-engine' | 'oracle' | 'alert-router';

/** Cached answers, invalidated by the events that change them (see cache/). */
export type CachedAnswer = 'eligibility' | 'profile';

export interface UpstreamTarget {
  service: UpstreamName;
  method: HttpMethod;
  /** Path on the owner; `{name}` is filled from the route's params or query (URL-encoded). */
  path: string;
  /** Query fields passed on to the owner as its query string. */
  query?: readonly string[];
}

/**
 * One gateway route: what the OpenAPI document, the access guard, the rate limiter, validation
 * and (for forwarded routes) the proxy all read, so they cannot disagree.
 */
export interface RouteDefinition {
  /** Stable id, used in RATE_LIMIT_ROUTES and as the OpenAPI operationId. */
  id: string;
  method: HttpMethod;
  /** Express-style path, e.g. `/api/unlocks/:id/ceremony`. */
  path: string;
  summary: string;
  tag: string;
  access: Access;
  /** API keys need this scope (or `*`); wallets hold every scope of their role. */
  scope: string;
  params?: z.AnyZodObject;
  query?: z.AnyZodObject;
  body?: z.ZodTypeAny;
  /** Forwarded to the owning service; absent for routes the gateway answers itself. */
  upstream?: UpstreamTarget;
  /** A param or body field naming a wallet that a viewer may only act for when it is their own. */
  ownWallet?: { in: 'params' | 'body'; field: string };
  cache?: CachedAnswer;
  /** Own bucket and limit instead of the default shared one. */
  rateLimit?: { max: number; windowSeconds: number };
  /** Success status when not 200. */
  status?: number;
  /** Media types of the success answer when not only JSON (e.g. a report also in Markdown). */
  produces?: readonly string[];
  /** Further problem answers the route can give, by status, for the OpenAPI document. */
  problems?: Readonly<Record<number, string>>;
}

/** Whether a caller holding `role` may call a route requiring `access`. */
export function allows(role: Role | 'public', access: Access): boolean {
  return accessLevels.indexOf(role) >= accessLevels.indexOf(access);
}
