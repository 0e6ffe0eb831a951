import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { SampledSeries } from './metric-sample.model';

/**
 * One scrape of one service's /metrics (or the gateway's own registry), reduced to the series the
 * weekly report needs. Counters only grow within one process, so two samples give an increase — the
 * way Prometheus' increase() works, here without a Prometheus.
 */
@Entity({ name: 'metric_samples' })
@Index('metric_samples_source_at_idx', ['source', 'sampledAt'])
export class MetricSampleEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  /** `api-gateway`, `chain-indexer`, `unlock-engine`, `oracle`, `alert-router`. */
  @Column({ type: 'text' })
  source!: string;

  @Column({ name: 'sampled_at', type: 'timestamptz' })
  sampledAt!: Date;

  /** Whether the service answered /ready with 200 at that moment. */
  @Column({ type: 'boolean' })
  up!: boolean;

  /** `process_start_time_seconds` of the scraped process: a new value means its counters restarted at 0. */
  @Column({ name: 'process_start', type: 'timestamptz', nullable: true })
  processStart!: Date | null;

  @Column({ type: 'jsonb' })
  series!: SampledSeries;
}
