import { formatUnits } from 'viem';
import { countText } from './count-text.util';
import { progressOf } from './progress.util';
import type { RequirementKind } from './requirement.schema';
import type { ConditionNode } from './requirement-tree.util';

/** What is known about one wallet at one moment; everything a condition can ask about. */
export interface WalletFacts {
  /** Base units per token symbol; a token not listed counts as 0. */
  readonly balances: Readonly<Record<string, bigint>>;
  /** Covenant NFTs held. */
  readonly nftCount: number;
  readonly votes: number;
  readonly proposals: number;
  /** Block time of the wallet's first event; absent for a wallet never seen. */
  readonly firstActivityAt?: Date;
  readonly now: Date;
  readonly achievedUnlockIds: ReadonlySet<string>;
  /** Occurrences per event name (`Staked`); an event not listed counts as 0. */
  readonly eventCounts: Readonly<Record<string, number>>;
  /** Base units per SPL mint (a Solana wallet's holdings); a mint not listed counts as 0. */
  readonly solanaBalances?: Readonly<Record<string, bigint>>;
}

export interface EvaluationOptions {
  /** Decimals per token symbol for the descriptions; 18 when not listed. */
  readonly tokenDecimals?: Readonly<Record<string, number>>;
  /** Titles to name other unlocks by in descriptions; the id when not listed. */
  readonly unlockTitles?: Readonly<Record<string, string>>;
}

/**
 * One node of an evaluated tree. For every kind `met` is `current >= target`, both integers as
 * decimal strings (token base units, counts, whole days, or 1/0 for yes/no) so they survive JSON.
 */
export interface ConditionResult {
  readonly path: string;
  readonly kind: RequirementKind;
  readonly met: boolean;
  readonly current: string;
  readonly target: string;
  /** 0..1, exactly 1 when met. */
  readonly progress: number;
  /** What the wallet has to do, with where it stands: "Hold at least 100 TRUST (you hold 40)". */
  readonly description: string;
}

const DEFAULT_DECIMALS = 18;
const DAY_MS = 86_400_000;

/**
 * A leaf condition measured against a wallet's facts.
 *
 * @example
 * conditionResultOf({ kind: 'votes', condition: { min: 5 } }, 'requirements', { ...facts, votes: 2 })
 * // { path: 'requirements', kind: 'votes', met: false, current: '2', target: '5', progress: 0.4,
 * //   description: 'Cast at least 5 votes (you have cast 2)' }
 */
export function conditionResultOf(
  node: ConditionNode,
  path: string,
  facts: WalletFacts,
  options: EvaluationOptions = {},
): ConditionResult {
  const { current, target, description } = measureOf(node, facts, options);
  return {
    path,
    kind: node.kind,
    met: current >= target,
    current: String(current),
    target: String(target),
    progress: progressOf(current, target),
    description,
  };
}

function measureOf(
  node: ConditionNode,
  facts: WalletFacts,
  options: EvaluationOptions,
): { current: bigint; target: bigint; description: string } {
  switch (node.kind) {
    case 'tokenBalance': {
      const { token } = node.condition;
      const decimals = ownValueOf(options.tokenDecimals, token) ?? DEFAULT_DECIMALS;
      const current = ownValueOf(facts.balances, token) ?? 0n;
      const target = BigInt(node.condition.min);
      return {
        current,
        target,
        description: `Hold at least ${formatUnits(target, decimals)} ${token} (you hold ${formatUnits(current, decimals)})`,
      };
    }
    case 'nftCount': {
      const { collection, min } = node.condition;
      const description = `Hold at least ${countText(min, `${collection} NFT`)} (you hold ${facts.nftCount})`;
      return { current: BigInt(facts.nftCount), target: BigInt(min), description };
    }
    case 'votes': {
      const { min } = node.condition;
      const description = `Cast at least ${countText(min, 'vote')} (you have cast ${facts.votes})`;
      return { current: BigInt(facts.votes), target: BigInt(min), description };
    }
    case 'proposals': {
      const { min } = node.condition;
      const description = `Create at least ${countText(min, 'proposal')} (you have created ${facts.proposals})`;
      return { current: BigInt(facts.proposals), target: BigInt(min), description };
    }
    case 'accountAgeDays': {
      const { min } = node.condition;
      const days = accountAgeDaysOf(facts);
      const standing = facts.firstActivityAt
        ? `first activity ${countText(days, 'day')} ago`
        : 'no activity yet';
      return {
        current: BigInt(days),
        target: BigInt(min),
        description: `Be active for at least ${countText(min, 'day')} (${standing})`,
      };
    }
    case 'unlock': {
      const { id } = node.condition;
      const achieved = facts.achievedUnlockIds.has(id);
      const title = ownValueOf(options.unlockTitles, id) ?? id;
      const description = `Achieve the unlock "${title}" (${achieved ? 'achieved' : 'not achieved yet'})`;
      return { current: achieved ? 1n : 0n, target: 1n, description };
    }
    case 'eventCount': {
      const { event, min } = node.condition;
      const count = ownValueOf(facts.eventCounts, event) ?? 0;
      const description = `Have at least ${countText(min, `${event} event`)} (you have ${count})`;
      return { current: BigInt(count), target: BigInt(min), description };
    }
    case 'solanaTokenBalance': {
      const { mint } = node.condition;
      const current = ownValueOf(facts.solanaBalances, mint) ?? 0n;
      const target = BigInt(node.condition.min);
      // Base units: the projection learns no mint's decimals (transfers carry them, holdings do not).
      const description = `Hold at least ${target} base units of SPL mint ${mint} (you hold ${current})`;
      return { current, target, description };
    }
  }
}

// Whole days since the first activity; a first activity in the future (clock skew) counts as 0.
function accountAgeDaysOf(facts: WalletFacts): number {
  if (facts.firstActivityAt === undefined) return 0;
  return Math.max(0, Math.floor((facts.now.getTime() - facts.firstActivityAt.getTime()) / DAY_MS));
}

// Event names come from definitions: `toString` must not find Object.prototype's.
function ownValueOf<Value>(
  record: Readonly<Record<string, Value>> | undefined,
  key: string,
): Value | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}
