import { canonicalOpinions } from './content-hash.util';
import type { SentimentRequest, SentimentScore } from './sentiment.model';
import { stakeShares, weightedScore } from './stake-weights.util';

const POSITIVE = [
  'yes',
  'agree',
  'bullish',
  'will',
  'likely',
  'definitely',
  'sure',
  'up',
  'above',
  'rise',
  'rising',
  'climb',
  'climbing',
  'rally',
  'strong',
  'growth',
  'win',
  'true',
  'confident',
  'moon',
  'higher',
  'pass',
];
const NEGATIVE = [
  'no',
  'not',
  "won't",
  'wont',
  'never',
  'disagree',
  'bearish',
  'unlikely',
  'down',
  'below',
  'fall',
  'falling',
  'drop',
  'crash',
  'weak',
  'cap',
  'fail',
  'false',
  'doubt',
  'lower',
  'headwinds',
  'lose',
];
const positive = new Set(POSITIVE);
const negative = new Set(NEGATIVE);

/** 0–100 for one text from a fixed word list: 50 when it says nothing either way. */
export function lexiconScore(text: string): number {
  const words = text.toLowerCase().match(/[a-z']+/g) ?? [];
  let pos = 0;
  let neg = 0;
  for (const word of words) {
    if (positive.has(word)) pos++;
    if (negative.has(word)) neg++;
  }
  return pos + neg === 0 ? 50 : 50 + (50 * (pos - neg)) / (pos + neg);
}

/**
 * The deterministic local analyzer used when Claude cannot answer: a word-list score per opinion,
 * weighted by stake. Confidence never exceeds 1 (it is a crude reading) and is 0 with no opinions.
 * @example fallbackSentiment({ statement, opinions: [{ staker, stake: '1', text: 'Yes, bullish' }] }).score // 100
 */
export function fallbackSentiment(request: SentimentRequest): SentimentScore {
  const opinions = canonicalOpinions(request.opinions);
  if (opinions.length === 0) {
    return { score: 50, confidence: 0, summary: 'Fallback analysis: no opinion texts were submitted.' };
  }
  const shares = stakeShares(opinions.map((o) => o.stake));
  const scores = opinions.map((o) => lexiconScore(o.text));
  const score = weightedScore(shares, scores);
  const decided = shares.reduce((acc, share, i) => acc + (scores[i] === 50 ? 0 : share), 0);
  const leaning = score > 55 ? 'leans towards yes' : score < 45 ? 'leans towards no' : 'is undecided';
  return {
    score,
    confidence: Math.round(decided * 100) / 100,
    summary:
      `Fallback analysis (word list, no LLM) of ${opinions.length} opinion(s): the stake-weighted crowd ${leaning} ` +
      `(${score}/100); ${Math.round(decided * 100)}% of the stake expressed a clear view.`,
  };
}
