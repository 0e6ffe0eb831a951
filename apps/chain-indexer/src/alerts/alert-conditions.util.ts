import type { EndpointHealthSnapshot } from '../rpc-health/endpoint-health.model';

/** A condition that should be firing now, identified by `key`. */
export interface AlertCondition {
  readonly key: string;
  readonly name:
    | 'ChainIndexerDeepReorg'
    | 'ChainIndexerLagHigh'
    | 'ChainIndexerRpcFailover'
    | 'ChainIndexerEndpointDown'
    | 'ChainIndexerStalled';
  readonly severity: 'critical' | 'warning';
  readonly summary: string;
  readonly description: string;
  readonly labels?: Record<string, string>;
}

export interface ChainAlertInput {
  readonly chain: string;
  readonly head: bigint | undefined;
  readonly indexedBlock: bigint | undefined;
  readonly halted: { readonly reason: string } | undefined;
  /** When a block was last indexed, or when the loop started. */
  readonly lastProgressAt: Date;
  /** In priority order, with labels safe to publish. */
  readonly endpoints: readonly (EndpointHealthSnapshot & { readonly label: string })[];
  readonly currentEndpoint: string;
}

export interface ChainAlertPolicy {
  readonly lagBlocks: number;
  readonly stallMs: number;
}

/**
 * The alert conditions of one chain now: halted by a deep reorg (critical), indexed block more than
 * `lagBlocks` behind the head, no progress for `stallMs` while the head is ahead (critical), an
 * endpoint out of rotation, and calls served by a backup rather than the first endpoint.
 *
 * @example
 * alertConditionsOf({ chain: 'mainnet', head: 120n, indexedBlock: 100n, … }, { lagBlocks: 10, stallMs: 120_000 }, now)
 * // [{ key: 'lag', name: 'ChainIndexerLagHigh', severity: 'warning', … }]
 */
export function alertConditionsOf(
  input: ChainAlertInput,
  policy: ChainAlertPolicy,
  now: Date,
): AlertCondition[] {
  const conditions: AlertCondition[] = [];
  if (input.halted) {
    conditions.push({
      key: 'halted',
      name: 'ChainIndexerDeepReorg',
      severity: 'critical',
      summary: `${input.chain}: reorg deeper than finality, indexing stopped`,
      description: input.halted.reason,
    });
    return conditions;
  }
  const behind = input.head !== undefined ? input.head - (input.indexedBlock ?? -1n) : 0n;
  if (behind > BigInt(policy.lagBlocks)) {
    conditions.push({
      key: 'lag',
      name: 'ChainIndexerLagHigh',
      severity: 'warning',
      summary: `${input.chain}: indexer ${behind} blocks behind the head`,
      description: `head ${input.head}, indexed ${input.indexedBlock ?? 'nothing yet'}; alert above ${policy.lagBlocks} blocks`,
    });
  }
  const idleMs = now.getTime() - input.lastProgressAt.getTime();
  if (behind > 0n && idleMs > policy.stallMs) {
    conditions.push({
      key: 'stalled',
      name: 'ChainIndexerStalled',
      severity: 'critical',
      summary: `${input.chain}: no block indexed for ${Math.round(idleMs / 1_000)} s`,
      description: `head ${input.head}, indexed ${input.indexedBlock ?? 'nothing yet'}`,
    });
  }
  for (const endpoint of input.endpoints) {
    if (!endpoint.tripped) continue;
    conditions.push({
      key: `down:${endpoint.label}`,
      name: 'ChainIndexerEndpointDown',
      severity: 'warning',
      summary: `${input.chain}: RPC endpoint ${endpoint.label} out of rotation (${endpoint.tripped.reason})`,
      description: `error rate ${(endpoint.errorRate * 100).toFixed(1)}% over ${endpoint.calls} calls, last failure ${endpoint.lastFailureKind ?? 'none'}`,
      labels: { endpoint: endpoint.label },
    });
  }
  const primary = input.endpoints[0];
  if (primary && input.currentEndpoint !== primary.url) {
    const current = input.endpoints.find((e) => e.url === input.currentEndpoint);
    conditions.push({
      key: 'failover',
      name: 'ChainIndexerRpcFailover',
      severity: 'warning',
      summary: `${input.chain}: failed over from ${primary.label} to ${current?.label ?? 'a backup'}`,
      description: 'calls go to a backup endpoint until the primary recovers',
    });
  }
  return conditions;
}
