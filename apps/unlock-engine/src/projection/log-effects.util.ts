import type { TopicData, chainEvmLogTopic } from '@convergence/schemas';
import { walletsInvolved } from '../activity/wallets-involved.util';
import type { ChainContracts } from '../chain/chain-contracts';
import type { FactChange } from '../requirements/affected-conditions.util';

export type EvmLog = TopicData<typeof chainEvmLogTopic>;

/** The NFT collection the Covenant contract's tokens are counted under. */
export const COVENANT_COLLECTION = 'Covenant';

/** What one log does to the profiles, in a form that can be stored and later undone or confirmed. */
export interface LogEffects {
  /** One per wallet the log names: its event count goes up by one. */
  readonly activity: ReadonlyArray<{ wallet: string; eventName: string }>;
  /** Signed base-unit changes; decimal strings so the effects survive JSON. */
  readonly balances: ReadonlyArray<{ wallet: string; token: string; delta: string }>;
  /** An NFT changing hands; `null` for the zero address (mint, burn). */
  readonly nft?: { collection: string; tokenId: string; from: string | null; to: string | null };
}

const ADDRESS = /^0x[0-9a-fA-F]{40}$/;
const ZERO = `0x${'0'.repeat(40)}`;
const UINT = /^(0|[1-9][0-9]*)$/;

/**
 * The profile effects of a decoded log: every named wallet's activity, ERC-20 balance moves of the
 * configured tokens and Covenant transfers. Logs of other contracts only count as activity.
 *
 * @example
 * logEffectsOf({ address: trust, eventName: 'Transfer', args: { from: a, to: b, value: '5' }, … }, contracts)
 * // { activity: [{ wallet: a, eventName: 'Transfer' }, { wallet: b, … }],
 * //   balances: [{ wallet: a, token: 'TRUST', delta: '-5' }, { wallet: b, token: 'TRUST', delta: '5' }] }
 */
export function logEffectsOf(log: EvmLog, contracts: ChainContracts): LogEffects {
  const activity = walletsInvolved(log.args).map((wallet) => ({ wallet, eventName: log.eventName }));
  const address = log.address.toLowerCase();
  if (log.eventName !== 'Transfer' || log.chainId !== contracts.chainId) return { activity, balances: [] };
  const from = walletArg(log.args['from']);
  const to = walletArg(log.args['to']);
  const token = contracts.tokens.get(address);
  const value = log.args['value'];
  if (token !== undefined && typeof value === 'string' && UINT.test(value)) {
    const balances = [];
    if (from !== null) balances.push({ wallet: from, token, delta: value === '0' ? '0' : `-${value}` });
    if (to !== null) balances.push({ wallet: to, token, delta: value });
    return { activity, balances };
  }
  const tokenId = log.args['tokenId'];
  if (address === contracts.covenant && (typeof tokenId === 'string' || typeof tokenId === 'number')) {
    return {
      activity,
      balances: [],
      nft: { collection: COVENANT_COLLECTION, tokenId: String(tokenId), from, to },
    };
  }
  return { activity, balances: [] };
}

/**
 * Which facts of which wallet an effect can change, so only the unlocks depending on them are
 * evaluated. Every active wallet also gets `time`: its first activity may just have begun.
 *
 * @example
 * factChangesOf({ activity: [{ wallet: a, eventName: 'VoteCast' }], balances: [] }) // Map { a => [event VoteCast, vote, time] }
 */
export function factChangesOf(effects: LogEffects): Map<string, FactChange[]> {
  const changes = new Map<string, FactChange[]>();
  const add = (wallet: string, change: FactChange) => {
    const list = changes.get(wallet) ?? [];
    list.push(change);
    changes.set(wallet, list);
  };
  for (const { wallet, eventName } of effects.activity) {
    add(wallet, { kind: 'event', event: eventName });
    if (eventName === 'VoteCast') add(wallet, { kind: 'vote' });
    if (eventName === 'ProposalCreated') add(wallet, { kind: 'proposal' });
    add(wallet, { kind: 'time' });
  }
  for (const { wallet, token } of effects.balances) add(wallet, { kind: 'balance', token });
  if (effects.nft?.from) add(effects.nft.from, { kind: 'nft' });
  if (effects.nft?.to) add(effects.nft.to, { kind: 'nft' });
  return changes;
}

function walletArg(value: unknown): string | null {
  if (typeof value !== 'string' || !ADDRESS.test(value)) return null;
  const wallet = value.toLowerCase();
  return wallet === ZERO ? null : wallet;
}
