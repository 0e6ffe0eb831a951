import { createHash } from 'node:crypto';
import type { OpinionInput } from './sentiment.model';

/**
 * Opinions in a canonical order (staker, then text, then stake), so the same crowd always yields the
 * same prompt and the same cache key whatever order the chain or the database returned them in.
 */
export function canonicalOpinions(opinions: OpinionInput[]): OpinionInput[] {
  const key = (o: OpinionInput) => `${o.staker.toLowerCase()}\u0000${o.text}\u0000${o.stake}`;
  return [...opinions].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/**
 * The cache key of an LLM request: sha256 over everything that shapes the answer (purpose, model,
 * prompt version and the payload).
 * @example contentHashOf('sentiment', 'claude-sonnet-4-5', 1, { statement, opinions })
 */
export function contentHashOf(
  purpose: string,
  model: string,
  promptVersion: number,
  payload: unknown,
): string {
  return createHash('sha256')
    .update(JSON.stringify({ purpose, model, promptVersion, payload }))
    .digest('hex');
}
