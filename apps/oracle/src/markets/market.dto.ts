import { z } from 'zod';

const address = z.string().regex(/^0x[0-9a-fA-F]{40}$/, 'must be a 0x-prefixed 20-byte address');

/** POST /markets */
export const createMarketSchema = z.object({
  statement: z.string().trim().min(1, 'must not be empty').max(500),
  closesAt: z
    .string()
    .datetime({ offset: true, message: 'must be an ISO 8601 date-time' })
    .transform((v) => new Date(v)),
});

/** POST /markets/:id/opinions */
export const submitOpinionSchema = z.object({
  staker: address.transform((v) => v as `0x${string}`),
  text: z.string().min(1, 'must not be empty').max(2_000),
  signature: z
    .string()
    .regex(/^0x[0-9a-fA-F]{130}$/, 'must be a 65-byte 0x-prefixed hex signature')
    .transform((v) => v as `0x${string}`),
});

/** GET /markets */
export const listMarketsSchema = z.object({
  status: z.enum(['open', 'closed', 'randomness_requested', 'randomness_fulfilled', 'settled']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const walletSchema = address;

/** `31337:5` or `5` (on the configured chain). */
export const marketIdSchema = z.string().regex(/^(\d+:)?\d+$/, 'must be <marketId> or <chainId>:<marketId>');
