import { Injectable } from '@nestjs/common';
import { contentHashOf } from './content-hash.util';
import { fallbackSentiment } from './fallback-sentiment.util';
import { LlmClient } from './llm-client';
import {
  SENTIMENT_PROMPT_VERSION,
  SENTIMENT_SYSTEM_PROMPT,
  sentimentFromToolInput,
  sentimentPromptOpinions,
  sentimentTool,
  sentimentUserPrompt,
} from './sentiment-prompt.util';
import type { SentimentRequest, SentimentResult } from './sentiment.model';
import { StructuredAnswerService } from './structured-answer.service';

/**
 * A market statement plus its stakers' opinions → stake-weighted score 0–100, confidence 0–2 and a
 * summary, from Claude (tool use, validated) or, when Claude cannot answer, the local fallback.
 */
@Injectable()
export class SentimentAnalyzer {
  constructor(
    private readonly answers: StructuredAnswerService,
    private readonly client: LlmClient,
  ) {}

  async analyze(request: SentimentRequest): Promise<SentimentResult> {
    const payload = {
      statement: request.statement,
      opinions: sentimentPromptOpinions(request).map(({ staker, stake, text }) => ({ staker, stake, text })),
    };
    const contentHash = contentHashOf('sentiment', this.client.model, SENTIMENT_PROMPT_VERSION, payload);
    if (request.opinions.length === 0) {
      // Nothing to read: no call, no cost; the fallback says so.
      return {
        ...fallbackSentiment(request),
        source: 'fallback',
        opinions: 0,
        contentHash,
        fallbackReason: 'no_opinions',
      };
    }
    const answer = await this.answers.answer({
      purpose: 'sentiment',
      contentHash,
      system: SENTIMENT_SYSTEM_PROMPT,
      user: sentimentUserPrompt(request),
      tool: sentimentTool,
      parse: (input) => sentimentFromToolInput(request, input),
      fallback: () => fallbackSentiment(request),
    });
    return {
      ...answer.value,
      source: answer.source,
      ...(answer.model ? { model: answer.model } : {}),
      opinions: request.opinions.length,
      contentHash,
      ...(answer.fallbackReason
        ? {
            fallbackReason: `${answer.fallbackReason}${answer.fallbackDetail ? `: ${answer.fallbackDetail}` : ''}`,
          }
        : {}),
    };
  }
}
