import { randomUUID } from 'node:crypto';
import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { createEnvelope, topics } from '@convergence/schemas';
import { OutboxService } from '@convergence/messaging';
import type { Logger } from 'pino';
import { AlertService } from '../alerts/alert.service';
import { MARKET_CHAIN_ADAPTER, type MarketChainAdapter } from '../chain/market-chain.adapter';
import { CLOCK, type Clock } from '../config/clock';
import { SERVICE_NAME, type OracleEnv } from '../config/env';
import { ORACLE_ENV, ORACLE_LOGGER } from '../config/tokens';
import { FaultInjector } from '../fault/fault-injector';
import { SentimentAnalyzer } from '../llm/sentiment-analyzer.service';
import { MarketsService } from '../markets/markets.service';
import { OracleMetrics } from '../metrics/oracle.metrics';
import { multisigProposalOf } from './multisig-proposal.util';
import type { SettlementJobEntity } from './settlement-job.entity';
import { decideStep, retryDelayMs, type StepDecision } from './settlement-step.util';
import { SettlementStore, StaleJobError } from './settlement-store.service';

const keyOf = (job: { chainId: number; marketId: string }) => `${job.chainId}:${job.marketId}`;

/** Errors marked `retryable: false` (UnknownMarketError, SolanaSendError for a missing program). */
const isPermanent = (error: unknown) =>
  error instanceof Error && 'retryable' in error && (error as { retryable: unknown }).retryable === false;

/**
 * Drives every queued market to settled (or failed with a reason): leases due jobs, at most
 * SETTLEMENT_MAX_IN_FLIGHT at a time, and for each runs steps decided by `decideStep` until the job
 * must wait for the chain. A failing step is retried with exponential backoff, SETTLEMENT_MAX_ATTEMPTS
 * times. All state is in Postgres, so a restarted process resumes where the last one stopped.
 */
@Injectable()
export class SettlementWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly inFlight = new Map<string, Promise<void>>();
  /** This worker's lease owner id: its writes land only on jobs it still holds. */
  private readonly owner = randomUUID();
  private timer?: NodeJS.Timeout;
  private heartbeat?: NodeJS.Timeout;
  private stopped = false;
  private ticking = false;

  constructor(
    private readonly store: SettlementStore,
    private readonly markets: MarketsService,
    private readonly analyzer: SentimentAnalyzer,
    private readonly alerts: AlertService,
    private readonly outbox: OutboxService,
    private readonly metrics: OracleMetrics,
    private readonly faults: FaultInjector,
    @Inject(MARKET_CHAIN_ADAPTER) private readonly chain: MarketChainAdapter,
    @Inject(ORACLE_ENV) private readonly env: OracleEnv,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ORACLE_LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule(0);
    // Leases of jobs still in flight are renewed, so only a dead process's jobs expire.
    this.heartbeat = setInterval(
      () => {
        for (const key of this.inFlight.keys()) {
          const [chainId, marketId] = key.split(':') as [string, string];
          void this.store
            .renewLease(Number(chainId), marketId, this.env.SETTLEMENT_LEASE_MS, this.owner)
            .then((held) => {
              // Its next write fails with StaleJobError: the result of the step still running is dropped.
              if (!held && this.inFlight.has(key))
                this.logger.warn({ market: key }, 'lease lost to another worker');
            })
            .catch((error: unknown) => this.logger.warn({ err: error, market: key }, 'lease renewal failed'));
        }
      },
      Math.max(500, Math.floor(this.env.SETTLEMENT_LEASE_MS / 3)),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    clearInterval(this.heartbeat);
    await Promise.allSettled(this.inFlight.values());
  }

  /** Markets this replica is working on now. */
  inFlightCount(): number {
    return this.inFlight.size;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.tick(), delayMs);
  }

  private async tick(): Promise<void> {
    if (this.ticking || this.stopped) return;
    this.ticking = true;
    try {
      const free = this.env.SETTLEMENT_MAX_IN_FLIGHT - this.inFlight.size;
      const jobs = await this.store.leaseDue(
        free,
        this.env.SETTLEMENT_LEASE_MS,
        [...this.inFlight.keys()],
        this.owner,
      );
      for (const job of jobs) {
        const key = keyOf(job);
        const run = this.run(job).finally(() => {
          this.inFlight.delete(key);
          this.metrics.settlementsInFlight.set(this.inFlight.size);
          this.schedule(0);
        });
        this.inFlight.set(key, run);
      }
      this.metrics.settlementsInFlight.set(this.inFlight.size);
      this.metrics.settlementsQueued.set(await this.store.countOpen());
    } catch (error) {
      this.logger.error({ err: error }, 'settlement tick failed');
    } finally {
      this.ticking = false;
      this.schedule(this.env.SETTLEMENT_POLL_INTERVAL_MS);
    }
  }

  /** Runs steps until the job waits, ends or a step fails; always gives the lease back. */
  private async run(job: SettlementJobEntity): Promise<void> {
    try {
      while (!this.stopped && job.state !== 'settled' && job.state !== 'failed') {
        const decision = await this.decide(job);
        if (decision.type === 'wait') {
          await this.store.patch(job, { nextAttemptAt: new Date(this.clock().getTime() + decision.ms) });
          return;
        }
        const waiting = await this.execute(job, decision);
        if (waiting) return;
      }
    } catch (error) {
      await this.onStepError(job, error);
    } finally {
      await this.store
        .release(job)
        .catch((error: unknown) => this.logger.warn({ err: error }, 'lease release failed'));
    }
  }

  private async decide(job: SettlementJobEntity): Promise<StepDecision> {
    const market = await this.chain.readMarket(job.marketId);
    // Only an open market compares closesAt with the chain's clock; skip the extra RPC otherwise.
    const chainNow = market.status === 'open' ? await this.chain.chainTime() : this.clock();
    return decideStep(
      job,
      market,
      { wall: this.clock(), chain: chainNow },
      {
        vrfTimeoutMs: this.env.VRF_TIMEOUT_MS,
        vrfMaxRerequests: this.env.VRF_MAX_REREQUESTS,
        maxWaitMs: 5_000,
      },
    );
  }

  /** Carries out one decision; returns true when the job now waits (a multisig proposal is out). */
  private async execute(
    job: SettlementJobEntity,
    decision: Exclude<StepDecision, { type: 'wait' }>,
  ): Promise<boolean> {
    switch (decision.type) {
      case 'analyze':
        await this.analyze(job);
        return false;
      case 'advance':
        await this.advance(job, decision.to);
        return false;
      case 'send': {
        const txHash = await this.sendOrPropose(job, decision.call);
        if (txHash === undefined) return true;
        await this.advance(job, decision.to, txHash);
        return false;
      }
      case 'rerequest_vrf':
        return this.rerequestVrf(job);
      case 'fail':
        await this.fail(job, decision.reason);
        return false;
    }
  }

  private async analyze(job: SettlementJobEntity): Promise<void> {
    const request = await this.markets.sentimentRequest(job.chainId, job.marketId);
    const result = await this.analyzer.analyze(request);
    this.logger.info(
      {
        market: keyOf(job),
        score: result.score,
        confidence: result.confidence,
        source: result.source,
        fallbackReason: result.fallbackReason,
      },
      'market analysed',
    );
    const envelope = createEnvelope(topics.oracleSentiment, {
      source: SERVICE_NAME,
      subject: keyOf(job),
      data: {
        chainId: job.chainId,
        marketId: job.marketId,
        score: result.score,
        confidence: result.confidence,
        summary: result.summary,
        opinions: result.opinions,
        source: result.source,
        ...(result.model ? { model: result.model } : {}),
        ...(result.fallbackReason ? { fallbackReason: result.fallbackReason.slice(0, 1_000) } : {}),
      },
    });
    await this.store.transitionless(job, { analysis: result }, (manager) =>
      this.outbox.enqueue(manager, topics.oracleSentiment, envelope),
    );
  }

  /** Moves to `to`, taking what the chain now says (VRF request, winner) into the job. */
  private async advance(
    job: SettlementJobEntity,
    to: SettlementJobEntity['state'],
    txHash?: string,
  ): Promise<void> {
    const patch: Partial<SettlementJobEntity> = { proposal: null };
    if (txHash) patch.txHashes = { ...job.txHashes, [to]: txHash };
    if (to === 'randomness_requested') {
      const market = await this.chain.readMarket(job.marketId);
      patch.vrfRequestId = market.requestId ?? null;
      patch.vrfRequestedAt = this.clock();
      this.metrics.vrfRequests.inc({ outcome: 'requested' });
    }
    if (to === 'randomness_fulfilled') this.metrics.vrfRequests.inc({ outcome: 'fulfilled' });
    if (to === 'settled') patch.winner = (await this.chain.readMarket(job.marketId)).winner ?? null;
    await this.store.transition(job, to, patch, txHash ? { txHash } : {});
    this.logger.info({ market: keyOf(job), state: to, txHash }, 'settlement state changed');
    this.faults.reach(`after-transition:${to}`);
  }

  /** Direct mode: sends and returns the hash. Multisig mode: stores a proposal once and returns undefined. */
  private async sendOrPropose(
    job: SettlementJobEntity,
    callName: Parameters<MarketChainAdapter['prepare']>[0],
  ): Promise<string | undefined> {
    const call = this.chain.prepare(callName, job.marketId, job.analysis ?? undefined);
    if (this.env.SETTLEMENT_MODE === 'multisig') {
      if (job.proposal?.call !== callName) {
        const proposal = multisigProposalOf(
          call,
          this.env.SETTLEMENT_MULTISIG_ADDRESS!,
          job.chainId,
          this.clock(),
        );
        await this.store.patch(job, { proposal });
        this.logger.info({ market: keyOf(job), proposal }, 'multisig proposal ready');
      }
      await this.store.patch(job, { nextAttemptAt: new Date(this.clock().getTime() + 5_000) });
      return undefined;
    }
    const hash = await this.chain.send(call);
    this.faults.reach(`after-tx:${callName}`);
    return hash;
  }

  private async rerequestVrf(job: SettlementJobEntity): Promise<boolean> {
    this.metrics.vrfRequests.inc({ outcome: 'timed_out' });
    await this.alerts.raise({
      alertname: 'OracleVrfTimeout',
      severity: 'warning',
      summary: `VRF callback for market ${keyOf(job)} not seen within ${this.env.VRF_TIMEOUT_MS} ms; requesting again`,
      labels: { market: keyOf(job) },
    });
    const txHash = await this.sendOrPropose(job, 'requestRandomness');
    if (txHash === undefined) return true;
    const market = await this.chain.readMarket(job.marketId);
    await this.store.patch(job, {
      vrfRerequests: job.vrfRerequests + 1,
      vrfRequestId: market.requestId ?? null,
      vrfRequestedAt: this.clock(),
      txHashes: { ...job.txHashes, [`randomness_rerequested_${job.vrfRerequests + 1}`]: txHash },
    });
    this.metrics.vrfRequests.inc({ outcome: 'requested' });
    return false;
  }

  private async fail(job: SettlementJobEntity, reason: string): Promise<void> {
    await this.store.transition(job, 'failed', {}, { reason });
    this.logger.error({ market: keyOf(job), reason }, 'settlement failed');
    await this.alerts.raise({
      alertname: 'OracleSettlementFailed',
      severity: 'critical',
      summary: `Settlement of market ${keyOf(job)} failed: ${reason}`,
      labels: { market: keyOf(job) },
    });
  }

  private async onStepError(job: SettlementJobEntity, error: unknown): Promise<void> {
    if (error instanceof StaleJobError) {
      this.logger.warn({ market: keyOf(job), err: error }, 'job moved on elsewhere');
      return;
    }
    const attempt = job.attempt + 1;
    const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
    try {
      // An error that says retrying cannot help (no such market, no such program) fails the job at once.
      if (isPermanent(error)) {
        await this.fail(job, `${job.state} failed: ${message}`);
        return;
      }
      if (attempt >= this.env.SETTLEMENT_MAX_ATTEMPTS) {
        await this.fail(job, `${job.state} failed ${attempt} times; last error: ${message}`);
        return;
      }
      const delay = retryDelayMs(attempt, this.env.SETTLEMENT_RETRY_BASE_MS);
      this.logger.warn(
        { market: keyOf(job), state: job.state, attempt, delay, err: error },
        'settlement step failed; will retry',
      );
      await this.store.patch(job, {
        attempt,
        lastError: message,
        nextAttemptAt: new Date(this.clock().getTime() + delay),
      });
    } catch (nested) {
      this.logger.error({ market: keyOf(job), err: nested }, 'could not record the step failure');
    }
  }
}
