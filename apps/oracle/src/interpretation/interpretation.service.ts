import { Injectable } from '@nestjs/common';
import { contentHashOf } from '../llm/content-hash.util';
import { LlmClient } from '../llm/llm-client';
import type { LlmSource } from '../llm/sentiment.model';
import { StructuredAnswerService } from '../llm/structured-answer.service';
import { MarketsService } from '../markets/markets.service';
import {
  fallbackInterpretation,
  INTERPRETATION_PROMPT_VERSION,
  INTERPRETATION_SYSTEM_PROMPT,
  interpretationFromToolInput,
  interpretationTool,
  interpretationUserPrompt,
  type InterpretationInput,
} from './interpretation-prompt.util';

/** The narrative for a wallet's unlock ceremony, from Claude or the template fallback. */
@Injectable()
export class InterpretationService {
  constructor(
    private readonly answers: StructuredAnswerService,
    private readonly client: LlmClient,
    private readonly markets: MarketsService,
  ) {}

  async interpret(
    unlock: Omit<InterpretationInput, 'profile'>,
  ): Promise<{ text: string; source: LlmSource; model?: string }> {
    const portfolio = await this.markets.portfolio(unlock.wallet);
    const input: InterpretationInput = {
      ...unlock,
      wallet: unlock.wallet.toLowerCase(),
      profile: {
        marketsJoined: portfolio.markets.length,
        totalStakedWei: portfolio.totalStaked,
        marketsWon: portfolio.markets.filter((m) => m.won === true).length,
        opinions: portfolio.markets.flatMap((m) => m.opinions).slice(0, 5),
      },
    };
    const answer = await this.answers.answer({
      purpose: 'interpretation',
      contentHash: contentHashOf('interpretation', this.client.model, INTERPRETATION_PROMPT_VERSION, input),
      system: INTERPRETATION_SYSTEM_PROMPT,
      user: interpretationUserPrompt(input),
      tool: interpretationTool,
      parse: interpretationFromToolInput,
      fallback: () => fallbackInterpretation(input),
    });
    return { text: answer.value, source: answer.source, ...(answer.model ? { model: answer.model } : {}) };
  }
}
