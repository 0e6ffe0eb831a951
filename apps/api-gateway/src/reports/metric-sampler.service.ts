import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { METRICS_REGISTRY } from '@convergence/telemetry';
import type { Registry } from 'prom-client';
import { type DataSource, type EntityManager, LessThan } from 'typeorm';
import { CLOCK, type Clock } from '../clock';
import { GATEWAY_ENV, type GatewayEnv } from '../config/gateway-config';
import type { UpstreamName } from '../routes/route.model';
import { UpstreamClient } from '../upstream/upstream.client';
import { MetricSampleEntity } from './metric-sample.entity';
import { parsePromText } from './prom-text.util';
import { processStartOf, readingsOf } from './report-readings.util';

const services: readonly UpstreamName[] = ['chain-indexer', 'unlock-engine', 'oracle', 'alert-router'];
const SCRAPE_TIMEOUT_MS = 3_000;
/** Replicas sample the services in turn under this transaction-scoped advisory lock. */
const SAMPLER_LOCK = 'api-gateway:metric-sampler';

/**
 * Every REPORT_SAMPLE_INTERVAL_MS (and once at boot): scrapes each service's /ready and /metrics and
 * this instance's own registry, and stores the readings the weekly report needs in `metric_samples`.
 * Samples older than REPORT_RETENTION_DAYS are deleted. With several replicas, every replica samples
 * itself but the services are scraped once per interval: a periodic tick skips them when another
 * replica stored a sample of them within the last half interval (checked under an advisory lock).
 */
@Injectable()
export class MetricSamplerService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(MetricSamplerService.name);
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly upstream: UpstreamClient,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(METRICS_REGISTRY) private readonly registry: Registry,
    @Inject(GATEWAY_ENV) private readonly env: GatewayEnv,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The source name of this instance's own samples. */
  get ownSource(): string {
    return `api-gateway:${this.env.GATEWAY_INSTANCE_ID}`;
  }

  onApplicationBootstrap(): void {
    const tick = () =>
      this.sampleNow({ periodic: true }).catch((error: unknown) =>
        this.logger.warn({ msg: 'metric sampling failed', err: error }),
      );
    void tick();
    this.timer = setInterval(() => void tick(), this.env.REPORT_SAMPLE_INTERVAL_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  /**
   * Takes one sample of this instance and of every service now and stores it. `periodic`: a timer's
   * tick, which leaves the services out when another replica sampled them within half an interval (a
   * report asks without it, so its figures run up to the request). `at`: the time the sample is
   * stored under (default: now) — a report passes the end of its window so the sample falls inside it.
   */
  async sampleNow(options: { periodic?: boolean; at?: Date } = {}): Promise<void> {
    const at = options.at ?? this.clock();
    await this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [SAMPLER_LOCK]);
      const skipServices =
        options.periodic === true &&
        (await this.servicesSampledSince(manager, at.getTime() - this.env.REPORT_SAMPLE_INTERVAL_MS / 2));
      const rows = await Promise.all([
        this.sampleSelf(at),
        ...(skipServices ? [] : services.map((s) => this.sampleService(s, at))),
      ]);
      const repository = manager.getRepository(MetricSampleEntity);
      await repository.insert(rows);
      await repository.delete({
        sampledAt: LessThan(new Date(at.getTime() - this.env.REPORT_RETENTION_DAYS * 86_400_000)),
      });
    });
  }

  private async servicesSampledSince(manager: EntityManager, sinceMs: number): Promise<boolean> {
    const [row] = (await manager.query(
      `SELECT EXISTS (SELECT 1 FROM metric_samples WHERE source = ANY($1) AND sampled_at >= $2) AS fresh`,
      [services, new Date(sinceMs)],
    )) as { fresh: boolean }[];
    return row?.fresh === true;
  }

  private async sampleSelf(at: Date): Promise<Omit<MetricSampleEntity, 'id'>> {
    const samples = parsePromText(await this.registry.metrics());
    return {
      source: this.ownSource,
      sampledAt: at,
      up: true,
      processStart: processStartOf(samples),
      series: readingsOf('api-gateway', samples),
    };
  }

  private async sampleService(service: UpstreamName, at: Date): Promise<Omit<MetricSampleEntity, 'id'>> {
    const options = { timeoutMs: SCRAPE_TIMEOUT_MS, headers: { accept: 'text/plain' } };
    const [ready, metrics] = await Promise.all([
      this.upstream.request(service, 'GET', '/ready', { timeoutMs: SCRAPE_TIMEOUT_MS }).then(
        (r) => r.status === 200,
        () => false,
      ),
      this.upstream.request(service, 'GET', '/metrics', options).then(
        (r) => (r.status === 200 ? r.body.toString('utf8') : undefined),
        () => undefined,
      ),
    ]);
    let samples: ReturnType<typeof parsePromText> = [];
    try {
      samples = metrics === undefined ? [] : parsePromText(metrics);
    } catch (error) {
      this.logger.warn({ msg: 'unreadable /metrics', service, err: error });
    }
    return {
      source: service,
      sampledAt: at,
      up: ready,
      processStart: processStartOf(samples),
      series: readingsOf(service, samples),
    };
  }
}
