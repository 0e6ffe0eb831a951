import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Tool } from '@anthropic-ai/sdk/resources/messages';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { AlertService } from '../alerts/alert.service';
import { CLOCK, type Clock } from '../config/clock';
import type { OracleEnv } from '../config/env';
import { ORACLE_ENV, ORACLE_LOGGER } from '../config/tokens';
import { OracleMetrics } from '../metrics/oracle.metrics';
import { budgetDecision } from './budget.util';
import { InvalidToolOutputError } from './invalid-tool-output.error';
import { LlmCacheEntity } from './llm-cache.entity';
import type { LlmPurpose } from './llm-call.entity';
import { LlmClient, ToolCallMissingError } from './llm-client';
import { LlmLedgerService } from './llm-ledger.service';
import { RateWindow } from './rate-window';
import type { LlmSource } from './sentiment.model';

/** What to ask Claude, how to validate the answer, and what to answer when Claude cannot. */
export interface StructuredQuestion<T> {
  purpose: LlmPurpose;
  contentHash: string;
  system: string;
  user: string;
  tool: Tool;
  /** Validates the tool input; throws InvalidToolOutputError naming what was wrong. */
  parse(input: unknown): T;
  fallback(): T;
}

export type FallbackReason = 'no_api_key' | 'budget_exhausted' | 'llm_error' | 'invalid_output';

export interface StructuredAnswer<T> {
  value: T;
  source: LlmSource;
  model?: string;
  fallbackReason?: FallbackReason;
  /** Why the fallback answered, in words (error message, validation problems). */
  fallbackDetail?: string;
}

/** Why a question could not be answered by Claude; carries the reason the fallback reports. */
export class ClaudeUnavailableError extends Error {
  override readonly name = 'ClaudeUnavailableError';

  constructor(
    readonly reason: FallbackReason,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(timer), reject(signal.reason)), { once: true });
  });

/**
 * Claude with cost control and degradation: answers from the content-hash cache when it can; otherwise
 * checks the monthly budget, waits for a rate-limit slot, calls Claude (the SDK retries 429/5xx/529),
 * records every call in the ledger, validates the tool output and re-asks once when it is malformed.
 * When there is no key, the budget is spent, or Claude keeps failing, the local fallback answers and an
 * alert is raised — a caller is never left waiting past LLM_DEADLINE_MS.
 */
@Injectable()
export class StructuredAnswerService {
  private readonly rate: RateWindow;
  private readonly inFlight = new Map<string, Promise<StructuredAnswer<unknown>>>();

  constructor(
    private readonly client: LlmClient,
    private readonly ledger: LlmLedgerService,
    private readonly alerts: AlertService,
    private readonly metrics: OracleMetrics,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(ORACLE_ENV) private readonly env: OracleEnv,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ORACLE_LOGGER) private readonly logger: Logger,
  ) {
    this.rate = new RateWindow(env.LLM_RATE_LIMIT_PER_MINUTE);
  }

  /** Requests in the current rate-limit minute. */
  requestsThisMinute(): number {
    return this.rate.inWindow(this.clock().getTime());
  }

  /** Identical questions asked at the same time share one call (single flight), then the cache. */
  answer<T>(question: StructuredQuestion<T>): Promise<StructuredAnswer<T>> {
    const running = this.inFlight.get(question.contentHash);
    if (running) return running as Promise<StructuredAnswer<T>>;
    const promise = this.answerOnce(question).finally(() => this.inFlight.delete(question.contentHash));
    this.inFlight.set(question.contentHash, promise);
    return promise;
  }

  private async answerOnce<T>(question: StructuredQuestion<T>): Promise<StructuredAnswer<T>> {
    const cached = await this.fromCache(question);
    if (cached) return cached;
    try {
      const value = await this.askClaude(question);
      return { value, source: 'claude', model: this.client.model };
    } catch (error) {
      const reason = error instanceof ClaudeUnavailableError ? error.reason : 'llm_error';
      const detail = error instanceof Error ? error.message : String(error);
      this.metrics.llmFallbacks.inc({ purpose: question.purpose, reason });
      this.logger.warn(
        { purpose: question.purpose, reason, err: error },
        'answering with the local fallback',
      );
      if (reason !== 'budget_exhausted' && reason !== 'no_api_key') {
        await this.alerts.raise({
          alertname: 'OracleLlmFallback',
          severity: 'warning',
          summary: `Claude could not answer a ${question.purpose} request; the local fallback answered`,
          description: detail,
          labels: { purpose: question.purpose, reason },
        });
      }
      return {
        value: question.fallback(),
        source: 'fallback',
        fallbackReason: reason,
        fallbackDetail: detail,
      };
    }
  }

  private async fromCache<T>(question: StructuredQuestion<T>): Promise<StructuredAnswer<T> | undefined> {
    const repo = this.dataSource.getRepository(LlmCacheEntity);
    const row = await repo.findOneBy({ contentHash: question.contentHash });
    if (!row) return undefined;
    try {
      const value = question.parse(row.result);
      await repo.increment({ contentHash: question.contentHash }, 'hits', 1);
      this.metrics.llmCacheHits.inc({ purpose: question.purpose });
      return { value, source: 'cache', model: row.model };
    } catch (error) {
      this.logger.warn(
        { contentHash: question.contentHash, err: error },
        'cached answer no longer valid; asking again',
      );
      return undefined;
    }
  }

  /** Claude's validated answer, or ClaudeUnavailableError saying why not. Exported for tests of the failure path. */
  async askClaude<T>(question: StructuredQuestion<T>): Promise<T> {
    if (!this.client.configured) {
      await this.alerts.raise({
        alertname: 'OracleLlmUnavailable',
        severity: 'warning',
        summary: 'ANTHROPIC_API_KEY is not set: every analysis uses the local fallback',
      });
      throw new ClaudeUnavailableError('no_api_key', 'ANTHROPIC_API_KEY is not set');
    }
    await this.checkBudget();
    const deadline = AbortSignal.timeout(this.env.LLM_DEADLINE_MS);
    let user = question.user;
    let lastInvalid: InvalidToolOutputError | undefined;
    for (let attempt = 0; attempt <= this.env.LLM_INVALID_OUTPUT_RETRIES; attempt++) {
      await this.takeRateSlot(deadline);
      const started = performance.now();
      try {
        const result = await this.client.callTool({
          system: question.system,
          user,
          tool: question.tool,
          signal: deadline,
        });
        const usage = {
          model: result.model,
          inputTokens: result.inputTokens,
          outputTokens: result.outputTokens,
        };
        try {
          const value = question.parse(result.input);
          await this.ledger.record({
            ...usage,
            purpose: question.purpose,
            latencyMs: performance.now() - started,
            outcome: 'ok',
            contentHash: question.contentHash,
          });
          await this.store(question, result.model, result.input);
          return value;
        } catch (error) {
          if (!(error instanceof InvalidToolOutputError)) throw error;
          lastInvalid = error;
          await this.ledger.record({
            ...usage,
            purpose: question.purpose,
            latencyMs: performance.now() - started,
            outcome: 'invalid_output',
            contentHash: question.contentHash,
            error: error.message,
          });
        }
      } catch (error) {
        if (error instanceof ToolCallMissingError) {
          lastInvalid = error;
          await this.ledger.record({
            ...error.usage,
            purpose: question.purpose,
            latencyMs: performance.now() - started,
            outcome: 'invalid_output',
            contentHash: question.contentHash,
            error: error.message,
          });
        } else {
          const message = error instanceof Error ? error.message : String(error);
          await this.ledger.record({
            model: this.client.model,
            inputTokens: 0,
            outputTokens: 0,
            purpose: question.purpose,
            latencyMs: performance.now() - started,
            outcome: 'error',
            contentHash: question.contentHash,
            error: message,
          });
          throw new ClaudeUnavailableError('llm_error', `Claude request failed after retries: ${message}`, {
            cause: error,
          });
        }
      }
      this.logger.warn(
        { purpose: question.purpose, attempt, problems: lastInvalid.problems },
        'invalid tool output; asking again',
      );
      user = `${question.user}\n\nYour previous ${question.tool.name} call was rejected: ${lastInvalid.problems.join('; ')}. Call ${question.tool.name} again with valid input.`;
    }
    throw new ClaudeUnavailableError('invalid_output', lastInvalid!.message, { cause: lastInvalid });
  }

  private async checkBudget(): Promise<void> {
    const spent = await this.ledger.spent();
    const decision = budgetDecision(spent, {
      dailyAlertUsd: this.env.LLM_DAILY_ALERT_USD,
      monthlyBudgetUsd: this.env.LLM_MONTHLY_BUDGET_USD,
    });
    if (decision.dailyAlert) {
      await this.alerts.raise({
        alertname: 'OracleLlmDailySpendHigh',
        severity: 'warning',
        summary: `LLM spend today is $${spent.todayUsd.toFixed(2)}, above the $${this.env.LLM_DAILY_ALERT_USD} alert threshold`,
      });
    }
    if (!decision.allowed) {
      await this.alerts.raise({
        alertname: 'OracleLlmBudgetExhausted',
        severity: 'critical',
        summary: `Monthly LLM budget spent ($${spent.monthUsd.toFixed(2)} of $${this.env.LLM_MONTHLY_BUDGET_USD}): the local fallback answers until next month`,
      });
      throw new ClaudeUnavailableError(
        'budget_exhausted',
        `monthly LLM budget of $${this.env.LLM_MONTHLY_BUDGET_USD} spent ($${spent.monthUsd.toFixed(6)})`,
      );
    }
  }

  private async takeRateSlot(deadline: AbortSignal): Promise<void> {
    for (let warned = false; ; ) {
      const wait = this.rate.reserve(this.clock().getTime());
      if (wait === 0) return;
      if (!warned) {
        warned = true;
        await this.alerts.raise({
          alertname: 'OracleLlmRateLimited',
          severity: 'warning',
          summary: `More than ${this.env.LLM_RATE_LIMIT_PER_MINUTE} Claude requests per minute: requests are waiting`,
        });
      }
      await sleep(Math.min(wait, 1_000), deadline);
    }
  }

  private async store<T>(question: StructuredQuestion<T>, model: string, input: unknown): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO llm_cache (content_hash, purpose, model, result, created_at, hits)
       VALUES ($1, $2, $3, $4, $5, 0) ON CONFLICT (content_hash) DO NOTHING`,
      [question.contentHash, question.purpose, model, JSON.stringify(input), this.clock()],
    );
  }
}
