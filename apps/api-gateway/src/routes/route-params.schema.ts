import { z } from 'zod';

/** A 0x-prefixed 20-byte address, answered in lowercase so caches and rooms key on one spelling. */
export const addressSchema = z
  .string({ required_error: 'is required' })
  .regex(/^0x[0-9a-fA-F]{40}$/, 'must be a 0x-prefixed 20-byte hex address')
  .transform((a) => a.toLowerCase());

/** Ids of unlocks, markets, silences: letters, digits and `._:-`, at most 128 characters. */
export const idSchema = z
  .string()
  .min(1, 'must not be empty')
  .max(128, 'must be at most 128 characters')
  .regex(/^[A-Za-z0-9._:-]+$/, 'may only contain letters, digits and . _ : -');

export const addressQuery = z.object({ address: addressSchema }).strict();
export const idParams = z.object({ id: idSchema }).strict();
export const pageQuery = z
  .object({
    limit: z.coerce.number().int().min(1).max(500).optional(),
    cursor: z.string().max(256).optional(),
  })
  .strict();
