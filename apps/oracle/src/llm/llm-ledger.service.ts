import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { CLOCK, type Clock } from '../config/clock';
import type { OracleEnv } from '../config/env';
import { ORACLE_ENV, ORACLE_LOGGER } from '../config/tokens';
import { OracleMetrics } from '../metrics/oracle.metrics';
import { budgetPeriodStarts } from './budget.util';
import { LlmCallEntity, type LlmCallOutcome, type LlmPurpose } from './llm-call.entity';
import { callCostUsd } from './llm-cost.util';

export interface LedgerEntry {
  purpose: LlmPurpose;
  model: string;
  inputTokens: number;
  outputTokens: number;
  latencyMs: number;
  outcome: LlmCallOutcome;
  contentHash: string;
  error?: string;
}

export interface UsageTotals {
  calls: number;
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
}

/** The cost ledger in Postgres: every Messages API call with its tokens and price, and the period sums budgets use. */
@Injectable()
export class LlmLedgerService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(ORACLE_ENV) private readonly env: OracleEnv,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ORACLE_LOGGER) private readonly logger: Logger,
    private readonly metrics: OracleMetrics,
  ) {}

  async record(entry: LedgerEntry): Promise<number> {
    const { costUsd, priced } = callCostUsd(
      this.env.LLM_PRICES,
      entry.model,
      entry.inputTokens,
      entry.outputTokens,
    );
    if (!priced && entry.inputTokens + entry.outputTokens > 0) {
      this.logger.warn(
        { model: entry.model },
        'no price configured for model (LLM_PRICES): cost recorded as 0',
      );
    }
    await this.dataSource.getRepository(LlmCallEntity).insert({
      calledAt: this.clock(),
      purpose: entry.purpose,
      model: entry.model,
      inputTokens: entry.inputTokens,
      outputTokens: entry.outputTokens,
      costUsd: costUsd.toFixed(6),
      latencyMs: Math.round(entry.latencyMs),
      outcome: entry.outcome,
      contentHash: entry.contentHash,
      error: entry.error?.slice(0, 2_000) ?? null,
    });
    this.metrics.llmTokens.inc({ model: entry.model, direction: 'input' }, entry.inputTokens);
    this.metrics.llmTokens.inc({ model: entry.model, direction: 'output' }, entry.outputTokens);
    this.metrics.llmCost.inc({ model: entry.model }, costUsd);
    this.metrics.llmLatency.observe(
      { purpose: entry.purpose, outcome: entry.outcome },
      entry.latencyMs / 1_000,
    );
    return costUsd;
  }

  /** Spend so far in the current UTC day and month. */
  async spent(): Promise<{ todayUsd: number; monthUsd: number }> {
    const { dayStart, monthStart } = budgetPeriodStarts(this.clock());
    const [row] = (await this.dataSource.query(
      `SELECT coalesce(sum(cost_usd) FILTER (WHERE called_at >= $1), 0) AS today,
              coalesce(sum(cost_usd), 0) AS month
         FROM llm_calls WHERE called_at >= $2`,
      [dayStart, monthStart],
    )) as Array<{ today: string; month: string }>;
    return { todayUsd: Number(row?.today ?? 0), monthUsd: Number(row?.month ?? 0) };
  }

  /** Totals since `from`, overall and per model and outcome (GET /llm/usage). */
  async totalsSince(
    from: Date,
  ): Promise<UsageTotals & { byModel: Array<UsageTotals & { model: string; outcome: string }> }> {
    const rows = (await this.dataSource.query(
      `SELECT model, outcome, count(*)::int AS calls, coalesce(sum(input_tokens), 0)::bigint AS input,
              coalesce(sum(output_tokens), 0)::bigint AS output, coalesce(sum(cost_usd), 0) AS cost
         FROM llm_calls WHERE called_at >= $1 GROUP BY model, outcome ORDER BY model, outcome`,
      [from],
    )) as Array<{
      model: string;
      outcome: string;
      calls: number;
      input: string;
      output: string;
      cost: string;
    }>;
    const byModel = rows.map((r) => ({
      model: r.model,
      outcome: r.outcome,
      calls: r.calls,
      inputTokens: Number(r.input),
      outputTokens: Number(r.output),
      costUsd: Number(r.cost),
    }));
    const sum = (key: keyof UsageTotals) => byModel.reduce((acc, r) => acc + r[key], 0);
    return {
      calls: sum('calls'),
      inputTokens: sum('inputTokens'),
      outputTokens: sum('outputTokens'),
      costUsd: Math.round(sum('costUsd') * 1e6) / 1e6,
      byModel,
    };
  }
}
