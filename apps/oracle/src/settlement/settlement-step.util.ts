import type { ChainMarketState, SettlementCallName } from '../chain/market-chain.adapter';
import { toOnchainSentiment } from '../chain/onchain-sentiment.util';
import type { SentimentResult } from '../llm/sentiment.model';
import type { SettlementState } from './settlement-job.entity';

/** What the worker should do next for one market, decided from the job and the chain alone. */
export type StepDecision =
  /** The chain is already past this step (e.g. a transaction sent before a crash): record it, send nothing. */
  | { type: 'advance'; to: SettlementState }
  /** Send (or, in multisig mode, propose) `call`; once it is on chain, move to `to`. */
  | { type: 'send'; call: SettlementCallName; to: SettlementState }
  | { type: 'analyze' }
  | { type: 'wait'; ms: number; reason: string }
  /** The VRF callback is overdue: alert and request randomness again. */
  | { type: 'rerequest_vrf' }
  | { type: 'fail'; reason: string };

export interface StepJob {
  state: SettlementState;
  analysis: SentimentResult | null;
  vrfRequestedAt: Date | null;
  vrfRerequests: number;
}

export interface StepConfig {
  vrfTimeoutMs: number;
  vrfMaxRerequests: number;
  /** Longest pause between checks of a job that waits on the chain. */
  maxWaitMs: number;
}

const PAST_CLOSED = new Set(['randomness_requested', 'randomness_fulfilled', 'settled']);

/**
 * The settlement state machine, pure: every step first looks at the chain, so running a step twice
 * (after a crash, or on two replicas) never sends a transaction the chain has already seen.
 * @example decideStep({ state: 'randomness_fulfilled', ... }, { status: 'settled', ... }, ...) // advance to settled
 */
export function decideStep(
  job: StepJob,
  chain: ChainMarketState,
  now: { wall: Date; chain: Date },
  config: StepConfig,
): StepDecision {
  switch (job.state) {
    case 'queued':
      if (chain.status !== 'open') return { type: 'advance', to: 'analyzing' };
      if (now.chain.getTime() >= chain.closesAt.getTime())
        return { type: 'send', call: 'closeMarket', to: 'analyzing' };
      return {
        type: 'wait',
        ms: Math.min(config.maxWaitMs, chain.closesAt.getTime() - now.chain.getTime()),
        reason: 'market has not reached closesAt on chain',
      };
    case 'analyzing': {
      if (!job.analysis) return { type: 'analyze' };
      if (PAST_CLOSED.has(chain.status)) return { type: 'advance', to: 'sentiment_recorded' };
      // Only a reorg reopens a market: the log reader drops this job when it undoes the orphaned close.
      if (chain.status === 'open')
        return { type: 'wait', ms: config.maxWaitMs, reason: 'market is open on chain again (reorg)' };
      const wanted = toOnchainSentiment(job.analysis);
      const recorded = chain.sentiment;
      if (recorded && recorded.score === wanted.score && recorded.confidence === wanted.confidence) {
        return { type: 'advance', to: 'sentiment_recorded' };
      }
      return { type: 'send', call: 'recordSentiment', to: 'sentiment_recorded' };
    }
    case 'sentiment_recorded':
      if (PAST_CLOSED.has(chain.status)) return { type: 'advance', to: 'randomness_requested' };
      if (chain.totalStaked === 0n)
        return { type: 'fail', reason: 'market has no stakes: there is no lottery to settle' };
      return { type: 'send', call: 'requestRandomness', to: 'randomness_requested' };
    case 'randomness_requested': {
      if (chain.status === 'randomness_fulfilled' || chain.status === 'settled') {
        return { type: 'advance', to: 'randomness_fulfilled' };
      }
      const waited = job.vrfRequestedAt ? now.wall.getTime() - job.vrfRequestedAt.getTime() : 0;
      if (waited >= config.vrfTimeoutMs) {
        if (job.vrfRerequests >= config.vrfMaxRerequests) {
          return {
            type: 'fail',
            reason: `VRF callback not seen after ${job.vrfRerequests + 1} request(s), ${config.vrfTimeoutMs} ms each`,
          };
        }
        return { type: 'rerequest_vrf' };
      }
      return {
        type: 'wait',
        ms: Math.min(config.maxWaitMs, config.vrfTimeoutMs - waited),
        reason: 'waiting for the VRF callback',
      };
    }
    case 'randomness_fulfilled':
      if (chain.status === 'settled') return { type: 'advance', to: 'settled' };
      return { type: 'send', call: 'settleLottery', to: 'settled' };
    case 'settled':
    case 'failed':
      return { type: 'fail', reason: `job is already ${job.state}` };
  }
}

/** Delay before the next attempt of a failed step: base·2^(attempt−1). */
export function retryDelayMs(attempt: number, baseMs: number): number {
  return baseMs * 2 ** Math.max(0, attempt - 1);
}
