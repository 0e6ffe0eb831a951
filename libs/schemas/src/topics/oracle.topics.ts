import { z } from 'zod';
import { hexAddressSchema, hexHashSchema, isoTimeSchema } from '../json-value';
import { defineTopic } from '../topic';

const marketKey = (d: { chainId: number; marketId: string }) => `${d.chainId}:${d.marketId}`;
const llmSourceSchema = z.enum(['claude', 'fallback', 'cache']);

export const oracleSentimentTopic = defineTopic({
  name: 'oracle.sentiment.v1',
  keyDescription: 'chainId:marketId',
  keyOf: marketKey,
  schema: z.object({
    chainId: z.number().int().positive(),
    marketId: z.string().min(1),
    score: z.number().min(0).max(100),
    confidence: z.number().min(0).max(2),
    summary: z.string(),
    opinions: z.number().int().nonnegative(),
    source: llmSourceSchema,
    model: z.string().optional(),
    /** Why the local fallback answered (no API key, budget spent, Claude error, invalid output). */
    fallbackReason: z.string().optional(),
  }),
});

export const settlementStates = [
  'queued',
  'analyzing',
  'sentiment_recorded',
  'randomness_requested',
  'randomness_fulfilled',
  'settled',
  'failed',
] as const;

/** Every state change of a market's settlement. */
export const oracleSettlementTopic = defineTopic({
  name: 'oracle.settlement.v1',
  keyDescription: 'chainId:marketId',
  keyOf: marketKey,
  schema: z.object({
    chainId: z.number().int().positive(),
    marketId: z.string().min(1),
    state: z.enum(settlementStates),
    previousState: z.enum(settlementStates).nullable(),
    attempt: z.number().int().nonnegative(),
    txHash: hexHashSchema.optional(),
    reason: z.string().optional(),
    changedAt: isoTimeSchema,
  }),
});

/** The narrative for a wallet's unlock ceremony. */
export const oracleInterpretationTopic = defineTopic({
  name: 'oracle.interpretation.v1',
  keyDescription: 'wallet address (lowercase)',
  keyOf: (d) => d.wallet.toLowerCase(),
  schema: z.object({
    wallet: hexAddressSchema,
    unlockId: z.string().min(1),
    text: z.string().min(1),
    source: llmSourceSchema,
    model: z.string().optional(),
  }),
});
