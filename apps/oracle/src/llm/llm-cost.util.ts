import type { ModelPrices } from '../config/env';

/**
 * USD cost of one call from its token usage and the configured per-million-token prices; `priced` is
 * false when the model has no price (the call is then recorded at 0 and a warning logged).
 * @example callCostUsd(prices, 'claude-sonnet-4-5', 1_000, 200) // { costUsd: 0.006, priced: true }
 */
export function callCostUsd(
  prices: ModelPrices,
  model: string,
  inputTokens: number,
  outputTokens: number,
): { costUsd: number; priced: boolean } {
  const price = prices[model];
  if (!price) return { costUsd: 0, priced: false };
  const cost = (inputTokens * price.inputPerMTok + outputTokens * price.outputPerMTok) / 1_000_000;
  return { costUsd: Math.round(cost * 1e6) / 1e6, priced: true };
}
