import { InvalidToolOutputError } from './invalid-tool-output.error';
import {
  sentimentFromToolInput,
  sentimentPromptOpinions,
  sentimentUserPrompt,
} from './sentiment-prompt.util';
import type { SentimentRequest } from './sentiment.model';

const request: SentimentRequest = {
  statement: 'ETH above $4k',
  opinions: [
    { staker: '0xbbb', stake: '100', text: 'No' },
    { staker: '0xaaa', stake: '300', text: 'Yes' },
  ],
};

describe(sentimentFromToolInput.name, () => {
  it('weights each opinion score by its stake share, in the canonical prompt order', () => {
    // canonical order: 0xaaa (300, Yes) then 0xbbb (100, No)
    const score = sentimentFromToolInput(request, {
      opinions: [
        { index: 0, score: 90 },
        { index: 1, score: 10 },
      ],
      confidence: 1.234,
      summary: 'Mostly yes',
    });
    expect(score).toEqual({ score: 70, confidence: 1.23, summary: 'Mostly yes' });
  });

  it('rejects out-of-range fields, naming each', () => {
    expect(() =>
      sentimentFromToolInput(request, { opinions: [{ index: 0, score: 140 }], confidence: 3, summary: '' }),
    ).toThrow(
      new InvalidToolOutputError('record_sentiment', [
        'opinions.0.score: Number must be less than or equal to 100',
        'confidence: Number must be less than or equal to 2',
        'summary: String must contain at least 1 character(s)',
      ]),
    );
  });

  it('rejects a missing, repeated or unknown opinion index', () => {
    const attempt = (opinions: Array<{ index: number; score: number }>) => () =>
      sentimentFromToolInput(request, { opinions, confidence: 1, summary: 's' });
    expect(attempt([{ index: 0, score: 50 }])).toThrow('opinions: no score for index 1');
    expect(
      attempt([
        { index: 0, score: 50 },
        { index: 0, score: 60 },
        { index: 1, score: 50 },
      ]),
    ).toThrow('opinions: index 0 scored twice');
    expect(
      attempt([
        { index: 0, score: 50 },
        { index: 1, score: 50 },
        { index: 7, score: 50 },
      ]),
    ).toThrow('opinions: index 7 does not exist');
  });

  it('rejects an answer that is not an object at all', () => {
    expect(() => sentimentFromToolInput(request, 'score: 50')).toThrow(InvalidToolOutputError);
  });
});

describe(sentimentUserPrompt.name, () => {
  it('is the same whatever order the opinions arrive in, and shows stake shares', () => {
    const reversed = { ...request, opinions: [...request.opinions].reverse() };
    expect(sentimentUserPrompt(reversed)).toBe(sentimentUserPrompt(request));
    expect(sentimentPromptOpinions(request).map((o) => o.share)).toEqual([0.75, 0.25]);
    expect(JSON.parse(sentimentUserPrompt(request))).toMatchObject({
      opinions: [
        { index: 0, stakeSharePercent: 75, text: 'Yes' },
        { index: 1, stakeSharePercent: 25 },
      ],
    });
  });
});
