import {
  defaultEndpointHealthPolicy,
  type EndpointHealthPolicy,
  type EndpointHealthSnapshot,
  type TripReason,
} from './endpoint-health.model';

/** Why an endpoint cannot take calls right now. */
export type UnusableReason = TripReason | 'retry-after';

export type EndpointChoice =
  | {
      readonly kind: 'use';
      readonly url: string;
      /**
       * `healthy`: the current (or first) choice stands; `failover`: the current endpoint is unusable,
       * moving down the list; `failback`: a higher-priority endpoint recovered; `degraded`: every
       * endpoint is tripped, so the highest-priority one not cooling down is used anyway.
       */
      readonly reason: 'healthy' | 'failover' | 'failback' | 'degraded';
      /** The endpoint left, on failover and failback. */
      readonly from?: string;
      /** Why the endpoint left on failover was unusable. */
      readonly because?: UnusableReason;
      /** A tripped higher-priority endpoint due a probe call (e.g. `eth_blockNumber`) to see if it recovered. */
      readonly probe?: string;
    }
  | { readonly kind: 'wait'; readonly until: Date; readonly reason: 'all-cooling-down' };

/**
 * Which RPC endpoint to call next, from endpoints in priority order and their health at `now`:
 * the first one neither tripped (error rate past 1% over ≥100 calls, a call over 5 s, 3 failures in
 * a row — see `EndpointHealth`) nor in a Retry-After cool-down. A tripped endpoint above the chosen
 * one is offered as a `probe` once `probeIntervalMs` passed since its last call; its successes
 * recover it, and the next choice fails back to it. Endpoints without a snapshot count as healthy.
 * The reason and `from`/`because` are there to log and count failovers.
 *
 * @example
 * chooseEndpoint([primary, backup], healthByUrl, now, primary)
 * // { kind: 'use', url: backup, reason: 'failover', from: primary, because: 'error-rate' }
 */
export function chooseEndpoint(
  endpoints: readonly string[],
  healthByUrl: ReadonlyMap<string, EndpointHealthSnapshot>,
  now: Date,
  current?: string,
  policy: Pick<EndpointHealthPolicy, 'probeIntervalMs'> = defaultEndpointHealthPolicy,
): EndpointChoice {
  if (endpoints.length === 0) throw new RangeError('chooseEndpoint needs at least one endpoint');
  const unusable = (url: string) => unusableReasonOf(healthByUrl.get(url), now);
  const chosenIndex = endpoints.findIndex((url) => unusable(url) === undefined);
  if (chosenIndex === -1) return degradedChoice(endpoints, healthByUrl, now);

  const url = endpoints[chosenIndex];
  const probe = endpoints
    .slice(0, chosenIndex)
    .find((candidate) => isProbeDue(healthByUrl.get(candidate), now, policy.probeIntervalMs));
  const withProbe = probe === undefined ? {} : { probe };
  const currentIndex = current === undefined ? -1 : endpoints.indexOf(current);
  if (current === undefined || currentIndex === -1 || current === url) {
    return { kind: 'use', url, reason: 'healthy', ...withProbe };
  }
  if (chosenIndex < currentIndex)
    return { kind: 'use', url, reason: 'failback', from: current, ...withProbe };
  return { kind: 'use', url, reason: 'failover', from: current, because: unusable(current), ...withProbe };
}

function unusableReasonOf(health: EndpointHealthSnapshot | undefined, now: Date): UnusableReason | undefined {
  if (health?.coolDownUntil && health.coolDownUntil > now) return 'retry-after';
  return health?.tripped?.reason;
}

function isProbeDue(health: EndpointHealthSnapshot | undefined, now: Date, probeIntervalMs: number): boolean {
  if (!health?.tripped) return false;
  if (health.coolDownUntil && health.coolDownUntil > now) return false;
  return health.lastCallAt === undefined || now.getTime() - health.lastCallAt.getTime() >= probeIntervalMs;
}

function degradedChoice(
  endpoints: readonly string[],
  healthByUrl: ReadonlyMap<string, EndpointHealthSnapshot>,
  now: Date,
): EndpointChoice {
  const notCooling = endpoints.find((url) => unusableReasonOf(healthByUrl.get(url), now) !== 'retry-after');
  if (notCooling !== undefined) return { kind: 'use', url: notCooling, reason: 'degraded' };
  const ends = endpoints.map((url) => healthByUrl.get(url)?.coolDownUntil?.getTime() ?? now.getTime());
  return { kind: 'wait', until: new Date(Math.min(...ends)), reason: 'all-cooling-down' };
}
