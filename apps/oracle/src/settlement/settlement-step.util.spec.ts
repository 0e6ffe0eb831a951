import type { ChainMarketState } from '../chain/market-chain.adapter';
import { toOnchainSentiment } from '../chain/onchain-sentiment.util';
import type { SentimentResult } from '../llm/sentiment.model';
import { decideStep, retryDelayMs, type StepJob } from './settlement-step.util';

const analysis: SentimentResult = {
  score: 61.4,
  confidence: 1.5,
  summary: 's',
  source: 'claude',
  opinions: 3,
  contentHash: 'h',
};
const t0 = new Date('2026-01-01T00:00:00Z');
const now = { wall: t0, chain: t0 };
const config = { vrfTimeoutMs: 120_000, vrfMaxRerequests: 3, maxWaitMs: 5_000 };
const job = (patch: Partial<StepJob>): StepJob => ({
  state: 'queued',
  analysis: null,
  vrfRequestedAt: null,
  vrfRerequests: 0,
  ...patch,
});
const chain = (patch: Partial<ChainMarketState>): ChainMarketState => ({
  status: 'closed',
  closesAt: new Date(t0.getTime() - 1_000),
  totalStaked: 100n,
  ...patch,
});

describe(decideStep.name, () => {
  it('closes an expired open market, and waits for one that has not reached closesAt on chain', () => {
    expect(decideStep(job({}), chain({ status: 'open' }), now, config)).toEqual({
      type: 'send',
      call: 'closeMarket',
      to: 'analyzing',
    });
    const future = chain({ status: 'open', closesAt: new Date(t0.getTime() + 2_000) });
    expect(decideStep(job({}), future, now, config)).toMatchObject({ type: 'wait', ms: 2_000 });
  });

  it('analyses first, then records the sentiment', () => {
    expect(decideStep(job({ state: 'analyzing' }), chain({}), now, config)).toEqual({ type: 'analyze' });
    expect(decideStep(job({ state: 'analyzing', analysis }), chain({}), now, config)).toEqual({
      type: 'send',
      call: 'recordSentiment',
      to: 'sentiment_recorded',
    });
  });

  it('waits instead of recording a sentiment when a reorg reopened the market', () => {
    expect(decideStep(job({ state: 'analyzing', analysis }), chain({ status: 'open' }), now, config)).toEqual(
      {
        type: 'wait',
        ms: 5_000,
        reason: 'market is open on chain again (reorg)',
      },
    );
  });

  it('sends nothing when the chain already holds our sentiment (a crash after the transaction)', () => {
    const recorded = chain({ sentiment: { score: 61, confidence: 75 } });
    expect(decideStep(job({ state: 'analyzing', analysis }), recorded, now, config)).toEqual({
      type: 'advance',
      to: 'sentiment_recorded',
    });
    // someone else's earlier score is overwritten with ours
    const other = chain({ sentiment: { score: 10, confidence: 75 } });
    expect(decideStep(job({ state: 'analyzing', analysis }), other, now, config)).toMatchObject({
      type: 'send',
    });
  });

  it('requests randomness once, and skips the request when the chain is already past it', () => {
    expect(decideStep(job({ state: 'sentiment_recorded' }), chain({}), now, config)).toMatchObject({
      type: 'send',
      call: 'requestRandomness',
    });
    expect(
      decideStep(
        job({ state: 'sentiment_recorded' }),
        chain({ status: 'randomness_requested' }),
        now,
        config,
      ),
    ).toEqual({ type: 'advance', to: 'randomness_requested' });
  });

  it('fails a market without stakes, which has no lottery', () => {
    expect(
      decideStep(job({ state: 'sentiment_recorded' }), chain({ totalStaked: 0n }), now, config),
    ).toMatchObject({
      type: 'fail',
    });
  });

  it('waits for the VRF callback, re-requests after the timeout, and fails after the last re-request', () => {
    const requested = chain({ status: 'randomness_requested' });
    const waiting = job({ state: 'randomness_requested', vrfRequestedAt: new Date(t0.getTime() - 118_000) });
    expect(decideStep(waiting, requested, now, config)).toMatchObject({ type: 'wait', ms: 2_000 });
    const overdue = job({ state: 'randomness_requested', vrfRequestedAt: new Date(t0.getTime() - 120_000) });
    expect(decideStep(overdue, requested, now, config)).toEqual({ type: 'rerequest_vrf' });
    expect(decideStep({ ...overdue, vrfRerequests: 3 }, requested, now, config)).toMatchObject({
      type: 'fail',
      reason: 'VRF callback not seen after 4 request(s), 120000 ms each',
    });
    expect(decideStep(overdue, chain({ status: 'randomness_fulfilled' }), now, config)).toEqual({
      type: 'advance',
      to: 'randomness_fulfilled',
    });
  });

  it('settles once: a market already settled on chain is only recorded', () => {
    expect(
      decideStep(
        job({ state: 'randomness_fulfilled' }),
        chain({ status: 'randomness_fulfilled' }),
        now,
        config,
      ),
    ).toEqual({ type: 'send', call: 'settleLottery', to: 'settled' });
    expect(
      decideStep(job({ state: 'randomness_fulfilled' }), chain({ status: 'settled' }), now, config),
    ).toEqual({
      type: 'advance',
      to: 'settled',
    });
  });
});

describe(retryDelayMs.name, () => {
  it('doubles from the base', () => {
    expect([1, 2, 3].map((a) => retryDelayMs(a, 1_000))).toEqual([1_000, 2_000, 4_000]);
  });
});

describe(toOnchainSentiment.name, () => {
  it('rounds the score and scales confidence 0–2 to the contract’s 0–100', () => {
    expect(toOnchainSentiment({ score: 61.4, confidence: 1.5 })).toEqual({ score: 61, confidence: 75 });
    expect(toOnchainSentiment({ score: 100, confidence: 2 })).toEqual({ score: 100, confidence: 100 });
  });
});
