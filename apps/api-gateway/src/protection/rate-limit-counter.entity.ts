import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Requests of one bucket (route group + caller) in one fixed window, summed over every gateway instance. */
@Entity({ name: 'rate_limit_counters' })
export class RateLimitCounterEntity {
  @PrimaryColumn({ type: 'text' })
  bucket!: string;

  @PrimaryColumn({ name: 'window_start', type: 'timestamptz' })
  windowStart!: Date;

  @Column({ type: 'integer' })
  hits!: number;
}
