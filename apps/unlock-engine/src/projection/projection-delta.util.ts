import type { LogEffects } from './log-effects.util';

/** One log's effects as the projection takes them in: into the total state, the confirmed state, or both. */
export interface EffectApplication {
  readonly effects: LogEffects;
  readonly blockTime: Date;
  readonly blockNumber: bigint;
  /** Counts in the state including unconfirmed blocks (a new log). */
  readonly total: boolean;
  /** Counts in the confirmed state (a confirmed log, or an earlier log now confirmed). */
  readonly confirmed: boolean;
}

export interface BalanceDelta {
  wallet: string;
  token: string;
  amount: bigint;
  confirmedAmount: bigint;
}

export interface ActivityDelta {
  wallet: string;
  eventName: string;
  count: number;
  confirmedCount: number;
  firstSeenAt?: Date;
  lastSeenAt?: Date;
  confirmedFirstSeenAt?: Date;
  confirmedLastSeenAt?: Date;
  lastBlock: bigint;
}

/** The owner an NFT ends up with after the batch, per state; undefined when that state did not move. */
export interface NftMove {
  collection: string;
  tokenId: string;
  owner?: string | null;
  confirmedOwner?: string | null;
}

/** What a batch of logs changes, summed per row, so each row is written once per batch. */
export interface ProjectionDelta {
  balances: BalanceDelta[];
  activity: ActivityDelta[];
  nfts: NftMove[];
}

/**
 * Folds effects, in chain order, into one change per balance, activity counter and NFT: the
 * batch then costs one upsert per table instead of one per log. Rows come out sorted by key, so
 * concurrent writers lock them in the same order.
 *
 * @example
 * projectionDeltaOf([{ effects: { activity: [], balances: [{ wallet: a, token: 'TRUST', delta: '5' }] },
 *   blockTime, blockNumber: 7n, total: true, confirmed: false }])
 * // { balances: [{ wallet: a, token: 'TRUST', amount: 5n, confirmedAmount: 0n }], activity: [], nfts: [] }
 */
export function projectionDeltaOf(applications: readonly EffectApplication[]): ProjectionDelta {
  const balances = new Map<string, BalanceDelta>();
  const activity = new Map<string, ActivityDelta>();
  const nfts = new Map<string, NftMove>();
  for (const { effects, blockTime, blockNumber, total, confirmed } of applications) {
    for (const { wallet, token, delta } of effects.balances) {
      const key = `${wallet}|${token}`;
      const row = balances.get(key) ?? { wallet, token, amount: 0n, confirmedAmount: 0n };
      if (total) row.amount += BigInt(delta);
      if (confirmed) row.confirmedAmount += BigInt(delta);
      balances.set(key, row);
    }
    for (const { wallet, eventName } of effects.activity) {
      const key = `${wallet}|${eventName}`;
      const row = activity.get(key) ?? { wallet, eventName, count: 0, confirmedCount: 0, lastBlock: 0n };
      if (total) {
        row.count++;
        row.firstSeenAt = earliest(row.firstSeenAt, blockTime);
        row.lastSeenAt = latest(row.lastSeenAt, blockTime);
        if (blockNumber > row.lastBlock) row.lastBlock = blockNumber;
      }
      if (confirmed) {
        row.confirmedCount++;
        row.confirmedFirstSeenAt = earliest(row.confirmedFirstSeenAt, blockTime);
        row.confirmedLastSeenAt = latest(row.confirmedLastSeenAt, blockTime);
      }
      activity.set(key, row);
    }
    if (effects.nft) {
      const { collection, tokenId, to } = effects.nft;
      const key = `${collection}|${tokenId}`;
      const row = nfts.get(key) ?? { collection, tokenId };
      if (total) row.owner = to;
      if (confirmed) row.confirmedOwner = to;
      nfts.set(key, row);
    }
  }
  return {
    balances: sortedValues(balances),
    activity: sortedValues(activity),
    nfts: sortedValues(nfts),
  };
}

function sortedValues<T>(map: Map<string, T>): T[] {
  return [...map.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, value]) => value);
}

function earliest(a: Date | undefined, b: Date): Date {
  return a === undefined || b < a ? b : a;
}

function latest(a: Date | undefined, b: Date): Date {
  return a === undefined || b > a ? b : a;
}
