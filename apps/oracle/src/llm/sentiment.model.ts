/** Where an answer came from: Claude, the cache of an identical earlier request, or the local fallback. */
export type LlmSource = 'claude' | 'fallback' | 'cache';

/** One staker's opinion as the analyzer sees it; `stake` is wei in decimal. */
export interface OpinionInput {
  staker: string;
  stake: string;
  text: string;
}

export interface SentimentRequest {
  statement: string;
  opinions: OpinionInput[];
}

/** The crowd's stake-weighted sentiment: score 0–100 (100 = the statement will hold), confidence 0–2. */
export interface SentimentScore {
  score: number;
  confidence: number;
  summary: string;
}

/** A score with its provenance, as stored on the settlement job and published on oracle.sentiment.v1. */
export interface SentimentResult extends SentimentScore {
  source: LlmSource;
  model?: string;
  opinions: number;
  contentHash: string;
  fallbackReason?: string;
}
