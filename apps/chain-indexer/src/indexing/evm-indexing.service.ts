import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  NotFoundException,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createLogger } from '@convergence/telemetry';
import type { DataSource } from 'typeorm';
import { AlertTracker } from '../alerts/alert-tracker';
import { alertConditionsOf } from '../alerts/alert-conditions.util';
import type { ChainConfig } from '../chains/chain-config.model';
import { CheckpointStore } from '../checkpoints/checkpoint.store';
import { type ChainIndexerEnv, SERVICE_NAME } from '../config/env';
import { ChainIndexerMetrics } from '../metrics/chain-indexer.metrics';
import { AlertPublisher } from '../publishing/alert.publisher';
import { EvmLogPublisher } from '../publishing/evm-log.publisher';
import { EvmReorgPublisher } from '../publishing/evm-reorg.publisher';
import type { Clock } from '../rpc-health/endpoint-health.model';
import { type ChainRuntime, createChainRuntime } from './chain-runtime.factory';
import { chainStatusOf, type ChainStatusDto } from './chain-status.view';
import { CHAIN_CONFIGS, CLOCK, INDEXER_ENV } from './indexing.tokens';

const ALERT_CHECK_MS = 5_000;

/**
 * Runs one indexing loop per configured EVM chain from application start to shutdown, evaluates the
 * chains' alert conditions every few seconds, and serves the admin API's status and re-index.
 */
@Injectable()
export class EvmIndexingService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly runtimes = new Map<number, ChainRuntime & { tracker: AlertTracker; startedAt: Date }>();
  private readonly logger;
  private alertTimer: NodeJS.Timeout | undefined;

  constructor(
    @Inject(CHAIN_CONFIGS) chains: ChainConfig[],
    @Inject(INDEXER_ENV) private readonly env: ChainIndexerEnv,
    @Inject(CLOCK) private readonly clock: Clock,
    @InjectDataSource() dataSource: DataSource,
    logs: EvmLogPublisher,
    reorgs: EvmReorgPublisher,
    private readonly alerts: AlertPublisher,
    private readonly metrics: ChainIndexerMetrics,
  ) {
    this.logger = createLogger({ serviceName: SERVICE_NAME, level: env.LOG_LEVEL }).child({
      component: 'evm',
    });
    const store = new CheckpointStore(dataSource, clock);
    const crash = env.CHAIN_INDEXER_CRASH_POINT === 'after-publish' ? crashNow : undefined;
    for (const chain of chains) {
      const runtime = createChainRuntime(chain, {
        store,
        logs,
        reorgs,
        alerts,
        metrics,
        logger: this.logger,
        clock,
        options: {
          pollIntervalMs: env.EVM_POLL_INTERVAL_MS,
          concurrency: env.EVM_GETLOGS_CONCURRENCY,
          maxAddressesPerCall: env.EVM_MAX_ADDRESSES_PER_CALL,
          maxBatchLogs: env.EVM_MAX_BATCH_LOGS,
          rpcTimeoutMs: env.EVM_RPC_TIMEOUT_MS,
          probeIntervalMs: env.EVM_RPC_PROBE_INTERVAL_MS,
          ...(crash ? { afterPublish: crash } : {}),
        },
      });
      this.runtimes.set(chain.chainId, { ...runtime, tracker: new AlertTracker(), startedAt: clock() });
    }
    metrics.onCollectEndpointUp(() => this.recordEndpointHealth());
  }

  onApplicationBootstrap(): void {
    for (const runtime of this.runtimes.values()) runtime.indexer.start();
    this.logger.info({ chains: [...this.runtimes.keys()] }, 'EVM indexing started');
    this.alertTimer = setInterval(() => void this.checkAlerts(), ALERT_CHECK_MS);
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.alertTimer);
    await Promise.all([...this.runtimes.values()].map((runtime) => runtime.indexer.stop()));
  }

  statuses(): ChainStatusDto[] {
    return [...this.runtimes.keys()].map((chainId) => this.status(chainId));
  }

  status(chainId: number): ChainStatusDto {
    const runtime = this.runtimeOf(chainId);
    const endpoints = runtime.pool.snapshots().map((s) => ({ ...s, label: runtime.labelOf(s.url) }));
    return chainStatusOf(
      runtime.chain,
      runtime.indexer.progress(),
      endpoints,
      runtime.pool.currentUrl,
      this.clock(),
    );
  }

  async reindex(chainId: number, fromBlock: bigint): Promise<ChainStatusDto> {
    const runtime = this.runtimeOf(chainId);
    this.logger.warn({ chainId, fromBlock: fromBlock.toString() }, 're-index requested');
    await runtime.indexer.reindexFrom(fromBlock);
    return this.status(chainId);
  }

  /** `chain_indexer_rpc_endpoint_up` of every endpoint: 0 while tripped, whatever tripped it (run on each scrape). */
  recordEndpointHealth(): void {
    for (const runtime of this.runtimes.values()) {
      for (const snapshot of runtime.pool.snapshots()) {
        const labels = { chain_id: runtime.chain.chainId, endpoint: runtime.labelOf(snapshot.url) };
        this.metrics.endpointUp.set(labels, snapshot.tripped ? 0 : 1);
      }
    }
  }

  /** Sends what changed in each chain's alert conditions to alerts.raw.v1. */
  async checkAlerts(): Promise<void> {
    const now = this.clock();
    for (const runtime of this.runtimes.values()) {
      const progress = runtime.indexer.progress();
      const conditions = alertConditionsOf(
        {
          chain: runtime.chain.name,
          head: progress.head,
          indexedBlock: progress.indexedBlock,
          halted: progress.halted,
          lastProgressAt: progress.lastProgressAt ?? runtime.startedAt,
          endpoints: runtime.pool.snapshots().map((s) => ({ ...s, label: runtime.labelOf(s.url) })),
          currentEndpoint: runtime.pool.currentUrl,
        },
        { lagBlocks: this.env.EVM_LAG_ALERT_BLOCKS, stallMs: this.env.EVM_STALL_ALERT_MS },
        now,
      );
      for (const send of runtime.tracker.update(conditions, now)) {
        const { condition } = send;
        await this.alerts
          .publish({
            name: condition.name,
            severity: condition.severity,
            chainId: runtime.chain.chainId,
            chain: runtime.chain.name,
            summary: condition.summary,
            description: condition.description,
            ...(condition.labels ? { labels: condition.labels } : {}),
            startsAt: send.startsAt,
            ...(send.endsAt ? { endsAt: send.endsAt } : {}),
          })
          .catch((error: unknown) =>
            this.logger.error({ err: error, alert: condition.name }, 'alert not sent'),
          );
      }
    }
  }

  private runtimeOf(chainId: number) {
    const runtime = this.runtimes.get(chainId);
    if (!runtime) {
      throw new NotFoundException({
        title: 'unknown chain',
        detail: `chain ${chainId} is not configured (configured: ${[...this.runtimes.keys()].join(', ') || 'none'})`,
      });
    }
    return runtime;
  }
}

// The crash test's kill -9: no shutdown hook, no flush, exactly between Kafka's ack and the checkpoint commit.
function crashNow(): void {
  process.kill(process.pid, 'SIGKILL');
}
