import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { CLOCK, type Clock } from '../clock';
import { GATEWAY_ENV, type GatewayEnv } from '../config/gateway-config';
import { UpstreamClient } from '../upstream/upstream.client';
import type { SamplePoint, SampledSeries } from './metric-sample.model';
import { MetricSamplerService } from './metric-sampler.service';
import { type WeeklyReport, reportWindowOf, utcDaysOf, weeklyReportOf } from './weekly-report.util';
import type { TimeWindow } from './window-increase.util';

interface SampleRow {
  source: string;
  sampled_at: Date;
  up: boolean;
  process_start: Date | null;
  series: SampledSeries;
}

const MAX_ALERTS = 1_000;

/** Gathers the week's data (samples, auth log, alert history) and computes the report. */
@Injectable()
export class WeeklyReportService {
  constructor(
    private readonly sampler: MetricSamplerService,
    private readonly upstream: UpstreamClient,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(GATEWAY_ENV) private readonly env: GatewayEnv,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async weekly(end: string | undefined): Promise<WeeklyReport> {
    const now = this.clock();
    const window = reportWindowOf(end, now);
    // A period reaching (about) now gets a fresh sample, so the figures run up to the request. It is
    // stored under `now`, not a later clock reading: a sample a millisecond past the window's end
    // would be left out of it.
    if (window.end.getTime() >= now.getTime() - this.env.REPORT_SAMPLE_INTERVAL_MS)
      await this.sampler.sampleNow({ at: now });
    const [bySource, walletsByDay, alertsFired] = await Promise.all([
      this.samples(window),
      this.walletsByDay(window),
      this.alertsFired(window),
    ]);
    const services = Object.fromEntries(
      (['chain-indexer', 'unlock-engine', 'oracle', 'alert-router'] as const)
        .filter((s) => bySource.has(s))
        .map((s) => [s, bySource.get(s)!]),
    );
    return weeklyReportOf({
      window,
      generatedAt: this.clock(),
      sampleIntervalMs: this.env.REPORT_SAMPLE_INTERVAL_MS,
      gatewaySamples: [...bySource]
        .filter(([source]) => source.startsWith('api-gateway:'))
        .map(([, points]) => points),
      services,
      walletsByDay,
      alertsFired,
    });
  }

  /** Each source's samples in the window, preceded by its last sample before it (the baseline). */
  private async samples(window: TimeWindow): Promise<Map<string, SamplePoint[]>> {
    const rows = (await this.dataSource.query(
      `SELECT * FROM (
         SELECT DISTINCT ON (source) source, sampled_at, up, process_start, series
           FROM metric_samples WHERE sampled_at < $1 ORDER BY source, sampled_at DESC) AS baseline
       UNION ALL
       SELECT source, sampled_at, up, process_start, series
         FROM metric_samples WHERE sampled_at >= $1 AND sampled_at <= $2
       ORDER BY source, sampled_at`,
      [window.start, window.end],
    )) as SampleRow[];
    const bySource = new Map<string, SamplePoint[]>();
    for (const row of rows) {
      const points = bySource.get(row.source) ?? [];
      points.push({ at: row.sampled_at, up: row.up, processStart: row.process_start, readings: row.series });
      bySource.set(row.source, points);
    }
    return bySource;
  }

  private async walletsByDay(window: TimeWindow): Promise<{ day: string; wallets: number }[]> {
    const rows = (await this.dataSource.query(
      `SELECT to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, count(DISTINCT subject)::int AS wallets
         FROM auth_log
        WHERE success AND subject LIKE '0x%' AND action IN ('siwe.verify', 'token.refresh')
          AND at >= $1 AND at <= $2
        GROUP BY 1`,
      [window.start, window.end],
    )) as { day: string; wallets: number }[];
    const counts = new Map(rows.map((r) => [r.day, r.wallets]));
    const elapsed = { start: window.start, end: window.end < this.clock() ? window.end : this.clock() };
    return utcDaysOf(elapsed).map((day) => ({ day, wallets: counts.get(day) ?? 0 }));
  }

  private async alertsFired(window: TimeWindow): Promise<number | { unknown: string }> {
    const query = new URLSearchParams({
      status: 'firing',
      from: window.start.toISOString(),
      to: window.end.toISOString(),
      limit: String(MAX_ALERTS),
    });
    try {
      const rows = await this.upstream.json<unknown[]>(
        'alert-router',
        'GET',
        `/api/v1/history/alerts?${query}`,
      );
      return Array.isArray(rows) ? rows.length : { unknown: 'the alert-router answered no list' };
    } catch (error) {
      return { unknown: `the alert-router's history is unavailable: ${(error as Error).message}` };
    }
  }
}
