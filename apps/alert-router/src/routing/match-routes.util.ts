import type { Labels } from '../alerts/alert.model';
import { matchesLabels } from './matcher.util';
import type { Route, RouteMatch } from './route.model';

/**
 * The routes an alert with these labels goes to, exactly as Alertmanager's `Route.Match`: a
 * depth-first, left-to-right walk that stops at the first matching child unless that child has
 * `continue`, and falls back to the node itself when none of its children match. Empty when
 * `route` itself does not match (never for a root, which has no matchers).
 *
 * @example
 * matchRoutes(root, { alertname: 'Down', env: 'prod' }).map((r) => r.receiver) // ['prod-pager']
 */
export function matchRoutes(route: Route, labels: Labels): RouteMatch[] {
  if (!matchesLabels(route.matchers, labels)) return [];
  const matches: RouteMatch[] = [];
  for (const child of route.routes) {
    const childMatches = matchRoutes(child, labels);
    matches.push(...childMatches);
    if (childMatches.length > 0 && !child.continue) break;
  }
  return matches.length > 0 ? matches : [route];
}
