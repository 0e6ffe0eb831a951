import { z } from 'zod';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** A value that survives JSON.stringify/parse unchanged (no bigint, undefined, NaN or functions). */
export const jsonValueSchema: z.ZodType<JsonValue> = z.lazy(() =>
  z.union([
    z.string(),
    z.number().finite(),
    z.boolean(),
    z.null(),
    z.array(jsonValueSchema),
    z.record(z.string(), jsonValueSchema),
  ]),
);

export const hexAddressSchema = z
  .string()
  .regex(/^0x[0-9a-fA-F]{40}$/, 'must be a 0x-prefixed 20-byte hex address');
export const hexHashSchema = z
  .string()
  .regex(/^0x[0-9a-fA-F]{64}$/, 'must be a 0x-prefixed 32-byte hex hash');
/** Block numbers and token amounts travel as decimal strings: JSON numbers lose precision past 2^53. */
export const uintStringSchema = z
  .string()
  .regex(/^(0|[1-9][0-9]*)$/, 'must be a non-negative decimal integer string');
export const isoTimeSchema = z.string().datetime({ offset: true });
