import { Inject, Injectable } from '@nestjs/common';
import { METRICS_REGISTRY } from '@convergence/telemetry';
import type { Logger } from 'pino';
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import { ORACLE_LOGGER } from '../config/tokens';

/** Gauges whose value is read from Postgres, the ledger or the chain when Prometheus scrapes. */
export type ScrapedGauge = 'markets' | 'oldestPendingTransactionAge' | 'signerBalance' | 'llmSpendMonth';

/** Every oracle metric, declared once (STYLE.md); SLO: settlement p95 < 30 s, VRF success > 99%. */
@Injectable()
export class OracleMetrics {
  readonly settlementDuration: Histogram<'outcome'>;
  readonly settlementsInFlight: Gauge;
  readonly settlementsQueued: Gauge;
  readonly settlementTransitions: Counter<'state'>;
  readonly llmLatency: Histogram<'purpose' | 'outcome'>;
  readonly llmTokens: Counter<'model' | 'direction'>;
  readonly llmCost: Counter<'model'>;
  readonly llmFallbacks: Counter<'purpose' | 'reason'>;
  readonly llmCacheHits: Counter<'purpose'>;
  readonly vrfRequests: Counter<'outcome'>;
  readonly markets: Gauge<'state'>;
  readonly stakeVolume: Counter<'chain'>;
  readonly transactions: Counter<'chain' | 'outcome'>;
  readonly oldestPendingTransactionAge: Gauge<'chain'>;
  readonly signerBalance: Gauge<'chain' | 'address'>;
  readonly llmSpendMonth: Gauge;
  readonly chainReorgs: Counter<'chain'>;
  private readonly refreshers = new Map<ScrapedGauge, () => Promise<void>>();

  constructor(
    @Inject(METRICS_REGISTRY) registry: Registry,
    @Inject(ORACLE_LOGGER) private readonly logger: Logger,
  ) {
    const registers = [registry];
    const onScrape = (gauge: ScrapedGauge) => () => this.refresh(gauge);
    this.settlementDuration = new Histogram({
      name: 'oracle_settlement_duration_seconds',
      help: 'From queued (market closed) to settled or failed',
      labelNames: ['outcome'],
      buckets: [1, 2, 5, 10, 20, 30, 60, 120, 300, 900],
      registers,
    });
    this.settlementsInFlight = new Gauge({
      name: 'oracle_settlements_in_flight',
      help: 'Markets a worker of this replica is advancing right now',
      registers,
    });
    this.settlementsQueued = new Gauge({
      name: 'oracle_settlements_queued',
      help: 'Markets not yet settled or failed (all replicas)',
      registers,
    });
    this.settlementTransitions = new Counter({
      name: 'oracle_settlement_transitions_total',
      help: 'Settlement state changes, by new state',
      labelNames: ['state'],
      registers,
    });
    this.llmLatency = new Histogram({
      name: 'oracle_llm_request_duration_seconds',
      help: 'Messages API calls including SDK retries',
      labelNames: ['purpose', 'outcome'],
      buckets: [0.25, 0.5, 1, 2, 5, 10, 20, 30, 60, 120],
      registers,
    });
    this.llmTokens = new Counter({
      name: 'oracle_llm_tokens_total',
      help: 'Tokens billed by Claude',
      labelNames: ['model', 'direction'],
      registers,
    });
    this.llmCost = new Counter({
      name: 'oracle_llm_cost_usd_total',
      help: 'Cost of Claude calls at the configured prices, USD',
      labelNames: ['model'],
      registers,
    });
    this.llmFallbacks = new Counter({
      name: 'oracle_llm_fallbacks_total',
      help: 'Answers given by the local fallback instead of Claude',
      labelNames: ['purpose', 'reason'],
      registers,
    });
    this.llmCacheHits = new Counter({
      name: 'oracle_llm_cache_hits_total',
      help: 'Requests answered from the content-hash cache (Claude calls saved)',
      labelNames: ['purpose'],
      registers,
    });
    this.vrfRequests = new Counter({
      name: 'oracle_vrf_requests_total',
      help: 'VRF requests by outcome: requested, fulfilled, timed_out',
      labelNames: ['outcome'],
      registers,
    });
    // Read from Postgres: the same on every replica, so dashboards aggregate them with max, not sum.
    this.markets = new Gauge({
      name: 'oracle_markets',
      help: 'Markets by state: open, closed (not yet queued), settling, settled, failed (from Postgres)',
      labelNames: ['state'],
      registers,
      collect: onScrape('markets'),
    });
    this.stakeVolume = new Counter({
      name: 'oracle_stake_volume_total',
      help: 'Staked amount in whole tokens, counted as Staked events are applied',
      labelNames: ['chain'],
      registers,
    });
    this.transactions = new Counter({
      name: 'oracle_transactions_total',
      help: 'Transactions the oracle sent, by outcome: confirmed, reverted, dropped (no receipt in time)',
      labelNames: ['chain', 'outcome'],
      registers,
    });
    this.oldestPendingTransactionAge = new Gauge({
      name: 'oracle_oldest_pending_transaction_age_seconds',
      help: 'Age of the oldest oracle transaction sent by this replica and not yet mined (0 when none)',
      labelNames: ['chain'],
      registers,
      collect: onScrape('oldestPendingTransactionAge'),
    });
    this.signerBalance = new Gauge({
      name: 'oracle_signer_balance',
      help: "Balance of the oracle's signing account in native tokens (ether, SOL), read from the chain",
      labelNames: ['chain', 'address'],
      registers,
      collect: onScrape('signerBalance'),
    });
    this.llmSpendMonth = new Gauge({
      name: 'oracle_llm_spend_month_usd',
      help: 'LLM spend this calendar month (UTC) from the usage ledger: what LLM_MONTHLY_BUDGET_USD caps',
      registers,
      collect: onScrape('llmSpendMonth'),
    });
    this.chainReorgs = new Counter({
      name: 'oracle_chain_reorgs_total',
      help: 'Reorgs the market log reader saw (a remembered block hash changed) and rewound',
      labelNames: ['chain'],
      registers,
    });
  }

  /** Sets how a scraped gauge is refreshed; it keeps its last value when the refresh fails. */
  refreshOnScrape(gauge: ScrapedGauge, refresh: () => Promise<void>): void {
    this.refreshers.set(gauge, refresh);
  }

  private async refresh(gauge: ScrapedGauge): Promise<void> {
    try {
      await this.refreshers.get(gauge)?.();
    } catch (error) {
      this.logger.warn({ err: error, gauge }, 'metric refresh failed; serving the last value');
    }
  }
}
