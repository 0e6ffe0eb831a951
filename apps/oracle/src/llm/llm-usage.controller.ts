import { Controller, Get, Inject } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { CLOCK, type Clock } from '../config/clock';
import type { OracleEnv } from '../config/env';
import { ORACLE_ENV } from '../config/tokens';
import { budgetPeriodStarts } from './budget.util';
import { LlmClient } from './llm-client';
import { LlmLedgerService } from './llm-ledger.service';
import { StructuredAnswerService } from './structured-answer.service';

/** GET /llm/usage: tokens and cost today and this month, budgets, cache savings and fallbacks. */
@Controller('llm')
export class LlmUsageController {
  constructor(
    private readonly ledger: LlmLedgerService,
    private readonly client: LlmClient,
    private readonly answers: StructuredAnswerService,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(ORACLE_ENV) private readonly env: OracleEnv,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get('usage')
  async usage() {
    const { dayStart, monthStart } = budgetPeriodStarts(this.clock());
    const [today, month] = await Promise.all([
      this.ledger.totalsSince(dayStart),
      this.ledger.totalsSince(monthStart),
    ]);
    const [cache] = (await this.dataSource.query(
      `SELECT count(*)::int AS entries, coalesce(sum(hits), 0)::int AS hits FROM llm_cache`,
    )) as Array<{ entries: number; hits: number }>;
    const [fallbacks] = (await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE analysis->>'source' = 'fallback')::int AS fallback,
              count(*) FILTER (WHERE analysis->>'source' = 'cache')::int AS cache,
              count(*) FILTER (WHERE analysis->>'source' = 'claude')::int AS claude
         FROM settlement_jobs WHERE analysis IS NOT NULL`,
    )) as Array<{ fallback: number; cache: number; claude: number }>;
    return {
      configured: this.client.configured,
      model: this.client.model,
      today,
      month,
      budgets: {
        dailyAlertUsd: this.env.LLM_DAILY_ALERT_USD,
        monthlyBudgetUsd: this.env.LLM_MONTHLY_BUDGET_USD,
        monthlyRemainingUsd: Math.max(
          0,
          Math.round((this.env.LLM_MONTHLY_BUDGET_USD - month.costUsd) * 1e6) / 1e6,
        ),
        exhausted: month.costUsd >= this.env.LLM_MONTHLY_BUDGET_USD,
      },
      rateLimit: {
        perMinute: this.env.LLM_RATE_LIMIT_PER_MINUTE,
        usedThisMinute: this.answers.requestsThisMinute(),
      },
      cache: { entries: cache?.entries ?? 0, hits: cache?.hits ?? 0 },
      analysesBySource: fallbacks ?? { fallback: 0, cache: 0, claude: 0 },
      prices: this.env.LLM_PRICES,
    };
  }
}
