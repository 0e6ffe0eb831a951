import type { SamplePoint } from './metric-sample.model';
import {
  type TimeWindow,
  type WindowIncrease,
  bucketIncreasesIn,
  increaseIn,
  quantileOf,
  uptimeFromSamples,
} from './window-increase.util';

/** The figures of the weekly report, in the order operators read them; null when not known for the window. */
export interface WeeklyFigures {
  apiP95Ms: number | null;
  llmLatencyP95Ms: number | null;
  dbQueryP95Ms: number | null;
  uptimePercent: number | null;
  dailyActiveWallets: number | null;
  unlocksCompleted: number | null;
  llmCalls: number | null;
  llmCostUsd: number | null;
  errorRatePercent: number | null;
  contractReverts: number | null;
  failedRpcCalls: number | null;
}

export type FigureName = keyof WeeklyFigures;

/** What the report is computed from: the stored samples, the auth log's daily wallets, the alert history. */
export interface WeeklyReportInput {
  window: TimeWindow;
  generatedAt: Date;
  sampleIntervalMs: number;
  /** Samples of each gateway instance's own metrics (`api-gateway:<instance>`), sorted by time, each with its baseline. */
  gatewaySamples: readonly (readonly SamplePoint[])[];
  services: Partial<
    Record<'chain-indexer' | 'unlock-engine' | 'oracle' | 'alert-router', readonly SamplePoint[]>
  >;
  /** Distinct wallets that signed in or refreshed a session, per UTC day of the window. */
  walletsByDay: readonly { day: string; wallets: number }[];
  /** Alerts that fired in the window per the alert-router's history, or why it is not known. */
  alertsFired: number | { unknown: string };
}

export interface WeeklyReport {
  title: string;
  period: { start: string; end: string };
  generatedAt: string;
  figures: WeeklyFigures;
  /** Where each figure comes from, and for a partial or missing one, why. */
  notes: { figure: FigureName | 'general'; note: string }[];
  details: {
    apiRequests: number | null;
    serviceUptimePercent: Record<string, number | null>;
    dailyActiveWalletsByDay: { day: string; wallets: number }[];
    alertsFired: number | null;
  };
}

type Figure = { value: number | null; note: string };

/**
 * The weekly operations report from the system's own data. Counters come from the stored samples
 * (increase over the window, restarts handled); a figure whose samples do not cover the whole window
 * is given with a note saying which part they cover, and one with no data in the window is null.
 *
 * @example
 * const report = weeklyReportOf({ window, generatedAt, sampleIntervalMs: 300_000, gatewaySamples, services, walletsByDay, alertsFired: 3 });
 */
export function weeklyReportOf(input: WeeklyReportInput): WeeklyReport {
  const { window } = input;
  // Samples cannot exist after "now": coverage is judged against the part of the window that has happened.
  const elapsed: TimeWindow = { start: window.start, end: minDate(window.end, input.generatedAt) };
  const tolerance = input.sampleIntervalMs * 1.5;
  const coverageNote = (increase: WindowIncrease | undefined, what: string): string => {
    if (!increase) return `${what}: no samples in the period`;
    const late = increase.coveredFrom.getTime() - elapsed.start.getTime() > tolerance;
    const early = elapsed.end.getTime() - increase.coveredTo.getTime() > tolerance;
    return late || early
      ? `${what}; samples cover only ${iso(increase.coveredFrom)} to ${iso(increase.coveredTo)}`
      : what;
  };
  const sumOver = (series: readonly (readonly SamplePoint[])[], key: string) => {
    const parts = series.map((points) => increaseIn(points, key, window)).filter((p) => p !== undefined);
    if (parts.length === 0) return undefined;
    return {
      value: parts.reduce((sum, p) => sum + p.value, 0),
      coveredFrom: new Date(Math.min(...parts.map((p) => p.coveredFrom.getTime()))),
      coveredTo: new Date(Math.max(...parts.map((p) => p.coveredTo.getTime()))),
    };
  };
  const counter = (
    series: readonly (readonly SamplePoint[])[],
    key: string,
    what: string,
    digits = 0,
  ): Figure => {
    const increase = sumOver(series, key);
    return { value: increase ? round(increase.value, digits) : null, note: coverageNote(increase, what) };
  };
  const p95 = (series: readonly (readonly SamplePoint[])[], prefix: string, what: string): Figure => {
    const merged = new Map<number, number>();
    let coverage: WindowIncrease | undefined;
    for (const points of series) {
      const { buckets, coverage: c } = bucketIncreasesIn(points, prefix, window);
      for (const b of buckets) merged.set(b.le, (merged.get(b.le) ?? 0) + b.count);
      coverage ??= c;
    }
    const seconds = quantileOf(
      0.95,
      [...merged].map(([le, count]) => ({ le, count })),
    );
    if (seconds === undefined)
      return {
        value: null,
        note: coverage ? `${what}: no observations in the period` : `${what}: no samples in the period`,
      };
    return { value: round(seconds * 1000, 1), note: coverageNote(coverage, what) };
  };

  const gateway = input.gatewaySamples;
  const service = (name: keyof WeeklyReportInput['services']) =>
    input.services[name] ? [input.services[name]!] : [];
  const requests = sumOver(gateway, 'api_requests');
  const errors = sumOver(gateway, 'api_errors_5xx');
  const uptime = uptimeFromSamples(
    gateway.flatMap((points) => points.map((p) => p.at)),
    elapsed,
    input.sampleIntervalMs,
  );
  const days = input.walletsByDay;

  const figures: Record<FigureName, Figure> = {
    apiP95Ms: p95(
      gateway,
      'api_latency',
      'p95 of http_request_duration_seconds of every gateway instance (probes excluded)',
    ),
    llmLatencyP95Ms: p95(
      service('oracle'),
      'llm_latency',
      "p95 of the oracle's oracle_llm_request_duration_seconds",
    ),
    dbQueryP95Ms: p95(
      [...gateway, ...Object.values(input.services).filter((p) => p !== undefined)],
      'db_query',
      'p95 of db_client_operation_duration_seconds over every SQL statement of the gateway and the services (ms resolution)',
    ),
    uptimePercent: uptime
      ? {
          value: round(uptime.ratio * 100, 3),
          note:
            "share of the period the API answered, from the gateway instances' periodic self-samples (a gap over 1.5 intervals is downtime)" +
            (uptime.from > elapsed.start ? `; known only from ${iso(uptime.from)}` : ''),
        }
      : { value: null, note: 'API uptime: no gateway samples in the period' },
    dailyActiveWallets:
      days.length > 0
        ? {
            value: round(days.reduce((s, d) => s + d.wallets, 0) / days.length, 1),
            note: `average per UTC day of distinct wallets that signed in or refreshed a session (auth log), over ${days.length} days`,
          }
        : { value: null, note: 'daily active wallets: the period has no whole or partial day' },
    unlocksCompleted: counter(
      service('unlock-engine'),
      'unlocks_achieved',
      "unlock-engine's unlock_engine_achievements_total",
    ),
    llmCalls: counter(
      service('oracle'),
      'llm_calls',
      'Claude calls (count of oracle_llm_request_duration_seconds)',
    ),
    llmCostUsd: counter(
      service('oracle'),
      'llm_cost_usd',
      "oracle_llm_cost_usd_total at the oracle's configured prices",
      4,
    ),
    errorRatePercent:
      requests && errors && requests.value > 0
        ? {
            value: round((errors.value / requests.value) * 100, 3),
            note: coverageNote(requests, '5xx answers over all API requests of the gateway'),
          }
        : {
            value: null,
            note: requests
              ? 'error rate: no API requests in the period'
              : 'error rate: no gateway samples in the period',
          },
    contractReverts: counter(
      [...gateway, ...service('oracle')],
      'contract_reverts',
      "the system's own transactions that reverted: the gateway's emergency operations (api_gateway_contract_reverts_total) and the oracle's settlement transactions (oracle_transactions_total{outcome=\"reverted\"}); transactions of other senders are not seen",
    ),
    failedRpcCalls: counter(
      service('chain-indexer'),
      'rpc_errors',
      "chain-indexer's chain_indexer_rpc_errors_total and chain_indexer_solana_rpc_errors_total",
    ),
  };

  const serviceUptimePercent = Object.fromEntries(
    (['chain-indexer', 'unlock-engine', 'oracle', 'alert-router'] as const).map((name) => {
      const inside = (input.services[name] ?? []).filter((p) => p.at >= window.start && p.at <= window.end);
      return [
        name,
        inside.length ? round((inside.filter((p) => p.up).length / inside.length) * 100, 3) : null,
      ];
    }),
  );

  return {
    title: 'Convergence weekly operations report',
    period: { start: iso(window.start), end: iso(window.end) },
    generatedAt: iso(input.generatedAt),
    figures: Object.fromEntries(
      Object.entries(figures).map(([k, f]) => [k, f.value]),
    ) as unknown as WeeklyFigures,
    notes: [
      ...Object.entries(figures).map(([figure, f]) => ({ figure: figure as FigureName, note: f.note })),
      {
        figure: 'general',
        note: `counters are sampled from each service's /metrics every ${Math.round(input.sampleIntervalMs / 1000)} s and stored by the gateway; counts between a process's last sample and its crash are lost`,
      },
    ],
    details: {
      apiRequests: requests ? Math.round(requests.value) : null,
      serviceUptimePercent,
      dailyActiveWalletsByDay: [...days],
      alertsFired: typeof input.alertsFired === 'number' ? input.alertsFired : null,
    },
  };
}

/** The UTC days a window touches (`YYYY-MM-DD`), for the daily active wallets. */
export function utcDaysOf(window: TimeWindow): string[] {
  const days: string[] = [];
  const day = new Date(
    Date.UTC(window.start.getUTCFullYear(), window.start.getUTCMonth(), window.start.getUTCDate()),
  );
  while (day < window.end) {
    days.push(day.toISOString().slice(0, 10));
    day.setUTCDate(day.getUTCDate() + 1);
  }
  return days;
}

/** The 7-day window of a report ending at `end`; a date without a time means through the end of that UTC day. */
export function reportWindowOf(end: string | undefined, now: Date): TimeWindow {
  const endAt =
    end === undefined
      ? now
      : /^\d{4}-\d{2}-\d{2}$/.test(end)
        ? new Date(Date.parse(`${end}T00:00:00Z`) + 86_400_000)
        : new Date(end);
  return { start: new Date(endAt.getTime() - 7 * 86_400_000), end: endAt };
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

function iso(date: Date): string {
  return date.toISOString();
}

function minDate(a: Date, b: Date): Date {
  return a < b ? a : b;
}
