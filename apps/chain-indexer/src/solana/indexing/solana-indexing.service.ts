import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  NotFoundException,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { solanaIdls } from '@convergence/contracts';
import { createLogger } from '@convergence/telemetry';
import type { Idl } from '@coral-xyz/anchor';
import type { DataSource } from 'typeorm';
import { type ChainIndexerEnv, SERVICE_NAME } from '../../config/env';
import { defaultEndpointHealthPolicy, type Clock } from '../../rpc-health/endpoint-health.model';
import { AlertTracker } from '../alerts/alert-tracker';
import { firingSolanaAlerts } from '../alerts/solana-alert-rules.util';
import { SolanaCheckpointStore } from '../checkpoint/solana-checkpoint.store';
import type { SolanaProgramConfig } from '../config/solana-program.model';
import { AnchorEventDecoder } from '../decoding/anchor-event.decoder';
import { SolanaAlertPublisher } from '../publishing/solana-alert.publisher';
import { SolanaTxPublisher } from '../publishing/solana-tx.publisher';
import { SolanaRpcPool } from '../rpc/solana-rpc.pool';
import { SolanaMetrics } from '../solana.metrics';
import { solanaProgramStatusOf, type SolanaProgramStatusDto } from '../status/solana-program-status.view';
import { SolanaProgramIndexer } from './solana-program.indexer';
import { SOLANA_CLOCK, SOLANA_ENV } from './solana-indexing.tokens';

const ALERT_CHECK_MS = 2_000;
const ALERT_RESEND_MS = 60_000;

/**
 * Runs one loop per configured Solana program (all sharing the cluster's RPC pool) from application
 * start to shutdown, checks the alert rules every few seconds, and serves status and re-index.
 * Without programs it does nothing.
 */
@Injectable()
export class SolanaIndexingService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly cluster: string;
  private readonly programs: SolanaProgramConfig[];
  private readonly pool: SolanaRpcPool | undefined;
  private readonly indexers = new Map<string, SolanaProgramIndexer>();
  private readonly tracker = new AlertTracker(ALERT_RESEND_MS);
  private readonly logger;
  private readonly startedAt: Date;
  private alertTimer: NodeJS.Timeout | undefined;
  private checking = false;

  constructor(
    @Inject(SOLANA_ENV) private readonly env: ChainIndexerEnv,
    @Inject(SOLANA_CLOCK) private readonly clock: Clock,
    @InjectDataSource() dataSource: DataSource,
    txs: SolanaTxPublisher,
    private readonly alerts: SolanaAlertPublisher,
    private readonly metrics: SolanaMetrics,
  ) {
    this.cluster = env.SOLANA_CLUSTER;
    this.programs = env.SOLANA_PROGRAMS;
    this.startedAt = clock();
    this.logger = createLogger({ serviceName: SERVICE_NAME, level: env.LOG_LEVEL }).child({
      component: 'solana',
      cluster: this.cluster,
    });
    if (this.programs.length === 0) return;
    const cluster = this.cluster;
    this.pool = new SolanaRpcPool(
      env.SOLANA_RPC_URLS,
      clock,
      {
        timeoutMs: env.SOLANA_RPC_TIMEOUT_MS,
        policy: {
          ...defaultEndpointHealthPolicy,
          slowCallMs: env.SOLANA_RPC_TIMEOUT_MS,
          probeIntervalMs: env.SOLANA_RPC_PROBE_INTERVAL_MS,
        },
      },
      {
        call: (endpoint, method, latencyMs, failure) => {
          metrics.rpcDuration.observe({ cluster, endpoint, method }, latencyMs / 1_000);
          if (failure) metrics.rpcErrors.inc({ cluster, endpoint, kind: failure });
        },
        switched: (choice, from, to) => {
          if (from === undefined) return;
          metrics.failovers.inc({ cluster, from, to, reason: choice.reason });
          this.logger.warn(
            { from, to, reason: choice.reason, because: choice.because },
            'solana rpc endpoint switched',
          );
        },
      },
    );
    const store = new SolanaCheckpointStore(dataSource, clock);
    const crash = env.CHAIN_INDEXER_CRASH_POINT === 'after-publish' ? crashNow : undefined;
    for (const program of this.programs) {
      const idl = program.idl === undefined ? undefined : (solanaIdls[program.idl] as unknown as Idl);
      this.indexers.set(
        program.name,
        new SolanaProgramIndexer({
          cluster,
          program,
          anchor: idl && new AnchorEventDecoder(program.programId, idl),
          pool: this.pool,
          store,
          publish: (events) => txs.publish(events, clock()),
          metrics,
          logger: this.logger,
          clock,
          options: {
            pollIntervalMs: env.SOLANA_POLL_INTERVAL_MS,
            pageSize: env.SOLANA_SIGNATURE_PAGE_SIZE,
            batchSize: env.SOLANA_BATCH_SIZE,
            txConcurrency: env.SOLANA_TX_CONCURRENCY,
            ...(crash ? { afterPublish: crash } : {}),
          },
        }),
      );
    }
  }

  onApplicationBootstrap(): void {
    if (this.indexers.size === 0) return;
    for (const indexer of this.indexers.values()) indexer.start();
    this.logger.info({ programs: this.programs.map((p) => p.name) }, 'solana indexing started');
    this.alertTimer = setInterval(() => void this.checkAlerts(), ALERT_CHECK_MS);
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.alertTimer);
    await Promise.all([...this.indexers.values()].map((indexer) => indexer.stop()));
  }

  statuses(): SolanaProgramStatusDto[] {
    return this.programs.map((program) => this.status(program.name));
  }

  status(name: string): SolanaProgramStatusDto {
    const { program, indexer } = this.programOf(name);
    return solanaProgramStatusOf(
      this.cluster,
      program,
      indexer.progress(),
      this.pool!.health(),
      this.pool!.currentLabel,
    );
  }

  async reindex(name: string, fromSlot: bigint | undefined): Promise<SolanaProgramStatusDto> {
    const { indexer } = this.programOf(name);
    this.logger.warn({ program: name, fromSlot: fromSlot?.toString() }, 'solana re-index requested');
    await indexer.reindex(fromSlot);
    return this.status(name);
  }

  /** Sends what changed in the alert rules to alerts.raw.v1 and refreshes the endpoint gauges. */
  async checkAlerts(): Promise<void> {
    if (!this.pool || this.checking) return;
    this.checking = true;
    try {
      const now = this.clock();
      const health = this.pool.health();
      for (const { label, snapshot } of health) {
        this.metrics.endpointUp.set({ cluster: this.cluster, endpoint: label }, snapshot.tripped ? 0 : 1);
      }
      const firing = firingSolanaAlerts({
        cluster: this.cluster,
        now,
        startedAt: this.startedAt,
        programs: this.programs.map((p) => {
          const progress = this.indexers.get(p.name)!.progress();
          return { program: p.name, lagSlots: progress.lagSlots, lastProgressAt: progress.lastProgressAt };
        }),
        endpoints: health.map(({ label, snapshot }) => ({ label, tripped: snapshot.tripped?.reason })),
        currentEndpoint: this.pool.currentLabel,
        lagAlertSlots: this.env.SOLANA_LAG_ALERT_SLOTS,
        stallAlertMs: this.env.SOLANA_STALL_ALERT_MS,
      });
      for (const alert of this.tracker.update(firing, now).send) {
        await this.alerts
          .publish(this.cluster, alert)
          .catch((error: unknown) => this.logger.error({ err: error, alert: alert.name }, 'alert not sent'));
      }
    } finally {
      this.checking = false;
    }
  }

  private programOf(name: string): { program: SolanaProgramConfig; indexer: SolanaProgramIndexer } {
    const program = this.programs.find((p) => p.name === name);
    const indexer = this.indexers.get(name);
    if (!program || !indexer) {
      throw new NotFoundException({
        title: 'unknown Solana program',
        detail: `program "${name}" is not configured (configured: ${this.programs.map((p) => p.name).join(', ') || 'none'})`,
      });
    }
    return { program, indexer };
  }
}

// The crash test's kill -9: no shutdown hook, no flush, exactly between Kafka's ack and the checkpoint commit.
function crashNow(): void {
  process.kill(process.pid, 'SIGKILL');
}
