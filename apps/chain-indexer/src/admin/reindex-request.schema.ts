import { z } from 'zod';

/** `POST /chains/:chainId/reindex` body: the block to index again from (number or decimal string). */
export const reindexRequestSchema = z
  .object({
    fromBlock: z.union([
      z.number().int().nonnegative(),
      z.string().regex(/^\d+$/, 'must be a non-negative integer or its decimal string'),
    ]),
  })
  .strict();

/** `:chainId` path parameter. */
export const chainIdParamSchema = z.coerce.number().int().positive();
