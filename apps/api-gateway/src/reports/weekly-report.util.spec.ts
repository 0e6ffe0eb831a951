import type { SamplePoint } from './metric-sample.model';
import { weeklyReportMarkdown } from './weekly-report-markdown.util';
import { reportWindowOf, utcDaysOf, weeklyReportOf, type WeeklyReportInput } from './weekly-report.util';

const HOUR = 3_600_000;
const start = new Date('2026-11-15T00:00:00Z');
const t = (hours: number) => new Date(start.getTime() + hours * HOUR);
const window = { start, end: t(168) };
const processStart = t(-200);

/** Hourly samples from `from` to `to` h whose readings grow linearly from the given values by `perHour`. */
function hourly(
  from: number,
  to: number,
  base: Record<string, number>,
  perHour: Record<string, number>,
): SamplePoint[] {
  return Array.from({ length: to - from + 1 }, (_, i) => {
    const hours = from + i;
    const elapsed = hours - from;
    return {
      at: t(hours),
      up: true,
      processStart,
      readings: Object.fromEntries(
        Object.entries(base).map(([k, v]) => [k, v + (perHour[k] ?? 0) * elapsed]),
      ),
    };
  });
}

const week = (days: number[]) => days.map((wallets, i) => ({ day: `2026-11-${15 + i}`, wallets }));

function input(overrides: Partial<WeeklyReportInput> = {}): WeeklyReportInput {
  return {
    window,
    generatedAt: t(168),
    sampleIntervalMs: HOUR,
    // 100 requests an hour, 1 of them a 5xx; 95 under 0.1 s, the rest under 0.5 s.
    gatewaySamples: [
      hourly(
        -1,
        168,
        {
          api_requests: 0,
          api_errors_5xx: 0,
          'api_latency_bucket:0.1': 0,
          'api_latency_bucket:0.5': 0,
          'api_latency_bucket:+Inf': 0,
          contract_reverts: 0,
          'db_query_bucket:0.001': 0,
          'db_query_bucket:0.01': 0,
          'db_query_bucket:+Inf': 0,
        },
        {
          api_requests: 100,
          api_errors_5xx: 1,
          'api_latency_bucket:0.1': 90,
          'api_latency_bucket:0.5': 100,
          'api_latency_bucket:+Inf': 100,
          // 100 statements an hour, half of them under 1 ms, all under 10 ms.
          'db_query_bucket:0.001': 50,
          'db_query_bucket:0.01': 100,
          'db_query_bucket:+Inf': 100,
        },
      ),
    ],
    services: {
      oracle: hourly(
        -1,
        168,
        {
          llm_calls: 0,
          llm_cost_usd: 0,
          'llm_latency_bucket:1': 0,
          'llm_latency_bucket:5': 0,
          'llm_latency_bucket:+Inf': 0,
          contract_reverts: 0,
          'db_query_bucket:0.001': 0,
          'db_query_bucket:0.01': 0,
          'db_query_bucket:+Inf': 0,
        },
        {
          llm_calls: 2,
          llm_cost_usd: 0.01,
          'llm_latency_bucket:1': 1,
          'llm_latency_bucket:5': 2,
          'llm_latency_bucket:+Inf': 2,
          // One reverted settlement transaction an hour; 100 statements, none under 1 ms.
          contract_reverts: 1,
          'db_query_bucket:0.01': 100,
          'db_query_bucket:+Inf': 100,
        },
      ),
      'unlock-engine': hourly(-1, 168, { unlocks_achieved: 10 }, { unlocks_achieved: 3 }),
      'chain-indexer': hourly(-1, 168, { rpc_errors: 0 }, {}),
      'alert-router': hourly(-1, 168, {}, {}).map((p, i) => ({ ...p, up: i % 2 === 0 })),
    },
    walletsByDay: week([10, 20, 30, 40, 50, 60, 70]),
    alertsFired: 4,
    ...overrides,
  };
}

describe(weeklyReportOf.name, () => {
  it('computes every figure it has data for over the window', () => {
    const report = weeklyReportOf(input());
    expect(report.period).toEqual({ start: '2026-11-15T00:00:00.000Z', end: '2026-11-22T00:00:00.000Z' });
    expect(report.figures).toEqual({
      apiP95Ms: 300,
      llmLatencyP95Ms: 4600,
      // Gateway and oracle statements together: 8,400 of 33,600 under 1 ms, the 31,920th at 9.4 ms.
      dbQueryP95Ms: 9.4,
      uptimePercent: 100,
      dailyActiveWallets: 40,
      unlocksCompleted: 504,
      llmCalls: 336,
      llmCostUsd: 1.68,
      errorRatePercent: 1,
      contractReverts: 168,
      failedRpcCalls: 0,
    });
    expect(report.details).toMatchObject({ apiRequests: 16_800, alertsFired: 4 });
    expect(report.details.serviceUptimePercent['alert-router']).toBeCloseTo(50, 0);
  });

  it('says why a figure is null instead of inventing it', () => {
    const report = weeklyReportOf(input({ services: {} }));
    expect(report.figures).toMatchObject({ llmCalls: null, unlocksCompleted: null, failedRpcCalls: null });
    const noteOf = (figure: string) => report.notes.find((n) => n.figure === figure)!.note;
    expect(noteOf('llmCalls')).toContain('no samples in the period');
    // The gateway's own statements still make a DB figure: 8,400 of 16,800 under 1 ms.
    expect(report.figures.dbQueryP95Ms).toBe(9.1);
    expect(report.figures.contractReverts).toBe(0);
  });

  it('gives a figure whose samples start late with a note of what they cover', () => {
    const report = weeklyReportOf(
      input({
        services: { 'unlock-engine': hourly(100, 168, { unlocks_achieved: 0 }, { unlocks_achieved: 1 }) },
      }),
    );
    expect(report.figures.unlocksCompleted).toBe(68);
    expect(report.notes.find((n) => n.figure === 'unlocksCompleted')!.note).toContain(
      'samples cover only 2026-11-19T04:00:00.000Z to 2026-11-22T00:00:00.000Z',
    );
  });

  it('counts hours without gateway samples as downtime', () => {
    const gateway = input().gatewaySamples[0]!;
    const report = weeklyReportOf(
      input({ gatewaySamples: [gateway.filter((p) => p.at < t(24) || p.at >= t(36))] }),
    );
    expect(report.figures.uptimePercent).toBeCloseTo((1 - 11.5 / 168) * 100, 2);
  });

  it('adds the instances of a gateway running twice', () => {
    const gateway = input().gatewaySamples[0]!;
    expect(weeklyReportOf(input({ gatewaySamples: [gateway, gateway] })).details.apiRequests).toBe(33_600);
  });
});

describe(weeklyReportMarkdown.name, () => {
  it("renders the operators' layout: title, period, a table of figures, notes", () => {
    const markdown = weeklyReportMarkdown(weeklyReportOf(input()));
    expect(markdown).toContain('# Convergence weekly operations report');
    expect(markdown).toContain('**Period:** 2026-11-15T00:00:00.000Z to 2026-11-22T00:00:00.000Z (UTC)');
    expect(markdown).toContain('| Metric | Value |\n| --- | --- |\n| API p95 latency | 300 ms |');
    expect(markdown).toContain('| DB query time (p95) | 9.4 ms |');
    expect(markdown).toContain('| LLM cost | $1.68 |');
    expect(weeklyReportMarkdown(weeklyReportOf(input({ services: {} })))).toContain('| LLM calls | n/a |');
    expect(markdown).toContain('## Notes');
  });
});

describe(reportWindowOf.name, () => {
  it('is the 7 days up to now, up to a time, or through the end of a date', () => {
    const now = new Date('2026-11-22T05:00:00Z');
    expect(reportWindowOf(undefined, now)).toEqual({ start: new Date('2026-11-15T05:00:00Z'), end: now });
    expect(reportWindowOf('2026-11-21', now)).toEqual({
      start: new Date('2026-11-15T00:00:00Z'),
      end: new Date('2026-11-22T00:00:00Z'),
    });
    expect(reportWindowOf('2026-11-20T12:00:00+02:00', now).end).toEqual(new Date('2026-11-20T10:00:00Z'));
  });

  it('lists the UTC days a window touches', () => {
    expect(
      utcDaysOf({ start: new Date('2026-11-15T05:00:00Z'), end: new Date('2026-11-17T01:00:00Z') }),
    ).toEqual(['2026-11-15', '2026-11-16', '2026-11-17']);
  });
});
