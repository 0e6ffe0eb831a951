import type { AlertRouterEnv } from './config/env';

/** Nest token of the `RouterOptions`. */
export const ROUTER_OPTIONS = Symbol('ROUTER_OPTIONS');

/** What the router's modules need from the environment, as one typed object. */
export interface RouterOptions {
  readonly configFile: string;
  readonly ackSecret?: string;
  readonly ackLinkTtlMs: number;
  /** How long before its flush moment a group's notification is prepared (0: at the flush). */
  readonly prepareLeadMs: number;
  /** Reload the routing config on SIGHUP (off in in-process tests, which share one process). */
  readonly reloadOnSighup: boolean;
}

/** The options for a service started from `env`. */
export function routerOptionsOf(env: AlertRouterEnv): RouterOptions {
  return {
    configFile: env.ALERT_ROUTER_CONFIG_FILE,
    ...(env.ALERT_ROUTER_ACK_SECRET ? { ackSecret: env.ALERT_ROUTER_ACK_SECRET } : {}),
    ackLinkTtlMs: env.ALERT_ROUTER_ACK_LINK_TTL_SECONDS * 1000,
    prepareLeadMs: env.ALERT_ROUTER_PREPARE_LEAD_MS,
    reloadOnSighup: true,
  };
}
