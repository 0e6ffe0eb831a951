import { performance } from 'node:perf_hooks';
import type { ReadinessCheck } from './readiness-check';

export type CheckResult =
  | { status: 'up'; latencyMs: number }
  | { status: 'down'; latencyMs: number; error: string };

export interface ReadinessReport {
  status: 'ok' | 'error';
  checks: Record<string, CheckResult>;
}

/** Per-check budget when HealthModule.forRoot gets no timeoutMs. */
export const DEFAULT_READINESS_TIMEOUT_MS = 3000;

/**
 * Runs every check in parallel, each bounded by `timeoutMs`; the report is `ok` only when all are up.
 * Never throws: a failing or hanging check is reported as `down` with its error message.
 *
 * @example
 * const report = await runReadinessChecks([new PostgresReadinessCheck(dataSource)], 1000);
 * if (report.status === 'error') logger.warn({ checks: report.checks }, 'not ready');
 */
export async function runReadinessChecks(
  checks: readonly ReadinessCheck[],
  timeoutMs: number = DEFAULT_READINESS_TIMEOUT_MS,
): Promise<ReadinessReport> {
  const results = await Promise.all(checks.map((c) => runOne(c, timeoutMs)));
  const report: ReadinessReport = { status: 'ok', checks: {} };
  checks.forEach((c, i) => {
    report.checks[c.name] = results[i];
    if (results[i].status === 'down') report.status = 'error';
  });
  return report;
}

async function runOne(check: ReadinessCheck, timeoutMs: number): Promise<CheckResult> {
  const started = performance.now();
  const latency = (): number => Math.round(performance.now() - started);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs);
  });
  // Promise.resolve().then also turns a check that throws synchronously into a rejection.
  const run = Promise.resolve().then(() => check.check());
  try {
    await Promise.race([run, timeout]);
    return { status: 'up', latencyMs: latency() };
  } catch (error) {
    // A check that loses the race may still reject later; nobody listens to it any more.
    run.catch(() => undefined);
    return {
      status: 'down',
      latencyMs: latency(),
      error: error instanceof Error ? error.message : String(error),
    };
  } finally {
    clearTimeout(timer);
  }
}
