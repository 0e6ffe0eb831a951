import { Module } from '@nestjs/common';
import type { Logger } from 'pino';
import type { OracleEnv } from '../config/env';
import { ORACLE_ENV, ORACLE_LOGGER } from '../config/tokens';
import { LlmClient } from './llm-client';
import { LlmLedgerService } from './llm-ledger.service';
import { LlmUsageController } from './llm-usage.controller';
import { SentimentAnalyzer } from './sentiment-analyzer.service';
import { StructuredAnswerService } from './structured-answer.service';

/** Claude behind cost control (ledger, budgets, rate limit, cache) and the local fallbacks. */
@Module({
  controllers: [LlmUsageController],
  providers: [
    {
      provide: LlmClient,
      useFactory: (env: OracleEnv, logger: Logger) =>
        new LlmClient({
          apiKey: env.ANTHROPIC_API_KEY,
          baseURL: env.ANTHROPIC_BASE_URL,
          model: env.LLM_MODEL,
          maxTokens: env.LLM_MAX_TOKENS,
          timeoutMs: env.LLM_TIMEOUT_MS,
          maxRetries: env.LLM_MAX_RETRIES,
          logger,
        }),
      inject: [ORACLE_ENV, ORACLE_LOGGER],
    },
    LlmLedgerService,
    StructuredAnswerService,
    SentimentAnalyzer,
  ],
  exports: [LlmClient, LlmLedgerService, StructuredAnswerService, SentimentAnalyzer],
})
export class LlmModule {}
