import { isValidLabelName } from '../alerts/label-set.util';
import { compareGoStrings } from '../alerts/go-string.util';
import { parseDuration } from './duration.util';
import { InvalidRouteTreeError, type RouteTreeIssue } from './invalid-route-tree.error';
import type { Matcher } from './matcher.model';
import { compareMatchers, matchersString } from './matcher.util';
import { legacyMatchersOf, parseMatchers } from './parse-matchers.util';
import { routeConfigSchema } from './route-config.schema';
import { DEFAULT_ROUTE_OPTIONS, type Route, type RouteConfig, type RouteOptions } from './route.model';

const GROUP_BY_ALL = '...';
const ROOT_PATH = 'route';

/**
 * Every problem Alertmanager would reject the routing tree for, each naming its node: unknown keys
 * or wrong types, a root without a receiver or with matchers / time intervals / continue, receivers
 * not in `receiverNames`, bad label names or regexes, bad or zero durations, bad group_by.
 * Empty when the tree is valid.
 *
 * @example
 * validateRouteTree({ receiver: 'ops', routes: [{ receiver: 'nope' }] }, ['ops'])
 * // [{ path: 'route.routes[0].receiver', message: 'undefined receiver "nope" used in route' }]
 */
export function validateRouteTree(
  config: unknown,
  receiverNames: readonly string[],
  escalationPolicyNames?: readonly string[],
): RouteTreeIssue[] {
  const parsed = routeConfigSchema.safeParse(config);
  if (!parsed.success) {
    return parsed.error.issues.map((issue) => ({ path: pathOf(issue.path), message: issue.message }));
  }
  const root = parsed.data;
  const issues: RouteTreeIssue[] = [];
  const at = (field: string, message: string): void => {
    issues.push({ path: `${ROOT_PATH}.${field}`, message });
  };
  if (!root.receiver) at('receiver', 'root route must specify a default receiver');
  if (hasMatchers(root)) at('matchers', 'root route must not have any matchers');
  if (root.mute_time_intervals?.length)
    at('mute_time_intervals', 'root route must not have any mute time intervals');
  if (root.active_time_intervals?.length)
    at('active_time_intervals', 'root route must not have any active time intervals');
  if (root.continue) at('continue', 'cannot have continue in root route');
  const policies = escalationPolicyNames && new Set(escalationPolicyNames);
  collectNodeIssues(root, ROOT_PATH, new Set(receiverNames), policies, issues);
  return issues;
}

/**
 * The resolved routing tree (Alertmanager's `dispatch.NewRoute`): children inherit the receiver,
 * group_by and timings they do not set, the root inherits `DEFAULT_ROUTE_OPTIONS` (group_wait 30s,
 * group_interval 5m, repeat_interval 4h), matchers are sorted, and each node gets Alertmanager's
 * key and id. Throws `InvalidRouteTreeError` listing `validateRouteTree`'s issues.
 *
 * @example
 * const root = routeTreeOf(yaml.route, config.receivers.map((r) => r.name));
 */
export function routeTreeOf(
  config: unknown,
  receiverNames: readonly string[],
  escalationPolicyNames?: readonly string[],
): Route {
  const issues = validateRouteTree(config, receiverNames, escalationPolicyNames);
  if (issues.length > 0) throw new InvalidRouteTreeError(issues);
  return routeOf(routeConfigSchema.parse(config), undefined, 0);
}

function routeOf(config: RouteConfig, parent: Route | undefined, position: number): Route {
  const options = optionsOf(config, parent ?? DEFAULT_ROUTE_OPTIONS);
  const matchers = matchersOf(config).sort(compareMatchers);
  const key = parent ? `${parent.key}/${matchersString(matchers)}` : matchersString(matchers);
  const route: Route = {
    ...options,
    id: parent ? `${key}/${position}` : key,
    key,
    matchers,
    continue: config.continue ?? false,
    routes: [],
  };
  const routes = (config.routes ?? []).map((child, index) => routeOf(child, route, index));
  return { ...route, routes };
}

function optionsOf(config: RouteConfig, inherited: RouteOptions): RouteOptions {
  const labels = (config.group_by ?? []).filter((name) => name !== GROUP_BY_ALL);
  const grouping =
    labels.length > 0
      ? { groupBy: [...labels].sort(compareGoStrings), groupByAll: false }
      : {
          groupBy: inherited.groupBy,
          groupByAll: inherited.groupByAll || (config.group_by ?? []).includes(GROUP_BY_ALL),
        };
  return {
    ...grouping,
    receiver: config.receiver || inherited.receiver,
    groupWaitMs: config.group_wait === undefined ? inherited.groupWaitMs : parseDuration(config.group_wait),
    groupIntervalMs:
      config.group_interval === undefined ? inherited.groupIntervalMs : parseDuration(config.group_interval),
    repeatIntervalMs:
      config.repeat_interval === undefined
        ? inherited.repeatIntervalMs
        : parseDuration(config.repeat_interval),
    muteTimeIntervals: config.mute_time_intervals ?? [],
    activeTimeIntervals: config.active_time_intervals ?? [],
    sendResolvedWhenMuted: config.send_resolved_when_muted ?? inherited.sendResolvedWhenMuted,
    ...((config.escalation_policy ?? inherited.escalationPolicy) === undefined
      ? {}
      : { escalationPolicy: config.escalation_policy ?? inherited.escalationPolicy }),
  };
}

function matchersOf(config: RouteConfig): Matcher[] {
  return [
    ...legacyMatchersOf(config.match, config.match_re),
    ...(config.matchers ?? []).flatMap(parseMatchers),
  ];
}

function collectNodeIssues(
  config: RouteConfig,
  path: string,
  receivers: ReadonlySet<string>,
  policies: ReadonlySet<string> | undefined,
  issues: RouteTreeIssue[],
): void {
  const at = (field: string, message: string): void => {
    issues.push({ path: `${path}.${field}`, message });
  };
  if (config.receiver && !receivers.has(config.receiver)) {
    at('receiver', `undefined receiver ${JSON.stringify(config.receiver)} used in route`);
  }
  if (policies && config.escalation_policy && !policies.has(config.escalation_policy)) {
    at(
      'escalation_policy',
      `undefined escalation policy ${JSON.stringify(config.escalation_policy)} used in route`,
    );
  }
  const groupBy = config.group_by ?? [];
  const invalidLabel = groupBy.find((name) => name !== GROUP_BY_ALL && !isValidLabelName(name));
  const duplicate = groupBy.find((name, index) => groupBy.indexOf(name) !== index);
  if (invalidLabel !== undefined)
    at('group_by', `invalid label name ${JSON.stringify(invalidLabel)} in group_by list`);
  if (groupBy.includes(GROUP_BY_ALL) && groupBy.length > 1) {
    at('group_by', 'cannot have wildcard group_by (`...`) and other labels at the same time');
  } else if (duplicate !== undefined) {
    at('group_by', `duplicated label ${JSON.stringify(duplicate)} in group_by`);
  }
  attempt(
    () => legacyMatchersOf(config.match, config.match_re),
    (message) => at('match', message),
  );
  (config.matchers ?? []).forEach((matchers, index) => {
    attempt(
      () => parseMatchers(matchers),
      (message) => at(`matchers[${index}]`, message),
    );
  });
  for (const field of ['group_wait', 'group_interval', 'repeat_interval'] as const) {
    const text = config[field];
    if (text === undefined) continue;
    attempt(
      () => {
        if (parseDuration(text) === 0 && field !== 'group_wait') throw new Error(`${field} cannot be zero`);
      },
      (message) => at(field, message),
    );
  }
  (config.routes ?? []).forEach((child, index) => {
    collectNodeIssues(child, `${path}.routes[${index}]`, receivers, policies, issues);
  });
}

function hasMatchers(config: RouteConfig): boolean {
  return (
    Object.keys(config.match ?? {}).length > 0 ||
    Object.keys(config.match_re ?? {}).length > 0 ||
    (config.matchers ?? []).length > 0
  );
}

function attempt(action: () => unknown, onError: (message: string) => void): void {
  try {
    action();
  } catch (error) {
    onError(error instanceof Error ? error.message : String(error));
  }
}

function pathOf(segments: ReadonlyArray<string | number>): string {
  return segments.reduce<string>(
    (path, segment) => (typeof segment === 'number' ? `${path}[${segment}]` : `${path}.${segment}`),
    ROOT_PATH,
  );
}
