/**
 * The contract stores score and confidence as uint8 0–100: the score is rounded, the 0–2 confidence
 * scaled by 50 (0 → 0, 1 → 50, 2 → 100).
 * @example toOnchainSentiment({ score: 61.4, confidence: 1.5 }) // { score: 61, confidence: 75 }
 */
export function toOnchainSentiment(sentiment: { score: number; confidence: number }): {
  score: number;
  confidence: number;
} {
  const clamp = (v: number) => Math.min(100, Math.max(0, Math.round(v)));
  return { score: clamp(sentiment.score), confidence: clamp(sentiment.confidence * 50) };
}
