import type { Matcher } from './matcher.model';

/** A route as written in alertmanager.yml (`config.Route`), snake_case keys and duration strings. */
export interface RouteConfig {
  readonly receiver?: string;
  /** Label names to group by; `['...']` groups by all labels. */
  readonly group_by?: readonly string[];
  /** Deprecated in Alertmanager, still accepted: label name to exact value. */
  readonly match?: Readonly<Record<string, string>>;
  /** Deprecated in Alertmanager, still accepted: label name to (anchored) regex. */
  readonly match_re?: Readonly<Record<string, string>>;
  /** Matchers in Alertmanager's syntax, e.g. `severity=~"critical|page"`. */
  readonly matchers?: readonly string[];
  /** Carried through for a later time-interval stage; not evaluated here. */
  readonly mute_time_intervals?: readonly string[];
  readonly active_time_intervals?: readonly string[];
  readonly continue?: boolean;
  readonly routes?: readonly RouteConfig[];
  readonly group_wait?: string;
  readonly group_interval?: string;
  readonly repeat_interval?: string;
  /** Our extension: name of an `escalation_policies` entry to run for this route's groups (inherited). */
  readonly escalation_policy?: string;
  /** Our extension: send resolved notices even for alerts silenced or inhibited since they fired (inherited). */
  readonly send_resolved_when_muted?: boolean;
}

/** What applies to alerts a route matches, after inheritance (Alertmanager's `RouteOpts`). */
export interface RouteOptions {
  readonly receiver: string;
  /** Sorted label names; ignored when `groupByAll`. */
  readonly groupBy: readonly string[];
  readonly groupByAll: boolean;
  readonly groupWaitMs: number;
  readonly groupIntervalMs: number;
  readonly repeatIntervalMs: number;
  /** Not inherited, as in Alertmanager. */
  readonly muteTimeIntervals: readonly string[];
  readonly activeTimeIntervals: readonly string[];
  /** Escalation policy name, or undefined for none. */
  readonly escalationPolicy?: string;
  readonly sendResolvedWhenMuted: boolean;
}

/** A node of the resolved routing tree (Alertmanager's `dispatch.Route`). */
export interface Route extends RouteOptions {
  /** Alertmanager's `Route.ID()`: the key plus the position among siblings, e.g. `{}/{env="prod"}/1`. */
  readonly id: string;
  /** Alertmanager's `Route.Key()`: parent key `/` sorted matchers, e.g. `{}/{env="prod"}`. */
  readonly key: string;
  /** Sorted as Alertmanager sorts them (name, value, type). */
  readonly matchers: readonly Matcher[];
  readonly continue: boolean;
  readonly routes: readonly Route[];
}

/** A route an alert was matched to; its options say where and how to notify. */
export type RouteMatch = Route;

/** Alertmanager's `DefaultRouteOpts`: what the root inherits where it sets nothing. */
export const DEFAULT_ROUTE_OPTIONS: RouteOptions = {
  receiver: '',
  groupBy: [],
  groupByAll: false,
  groupWaitMs: 30_000,
  groupIntervalMs: 5 * 60_000,
  repeatIntervalMs: 4 * 3_600_000,
  muteTimeIntervals: [],
  activeTimeIntervals: [],
  sendResolvedWhenMuted: false,
};
