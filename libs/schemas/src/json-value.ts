import { datetimeRegex, z } from 'zod';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

// Built once: z.lazy calls its getter on every parse, and building the union there made each JSON
// value cost seven new schema objects (the indexer's profile: most of its zod time).
let jsonValueUnion: z.ZodType<JsonValue> | undefined;

/** A value that survives JSON.stringify/parse unchanged (no bigint, undefined, NaN or functions). */
export const jsonValueSchema: z.ZodType<JsonValue> = z.lazy(
  () =>
    (jsonValueUnion ??= z.union([
      z.string(),
      z.number().finite(),
      z.boolean(),
      z.null(),
      z.array(jsonValueSchema),
      z.record(z.string(), jsonValueSchema),
    ])),
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
/**
 * The pattern of `z.string().datetime({ offset: true })`, built once by zod's own `datetimeRegex`:
 * zod builds it again on every parse, a measurable share of validating a chain event.
 */
export const ISO_TIME_PATTERN = datetimeRegex({ precision: null, offset: true, local: false });
/** An ISO 8601 date-time with `Z` or an offset: exactly what `z.string().datetime({ offset: true })` accepts, same message. */
export const isoTimeSchema = z.string().regex(ISO_TIME_PATTERN, 'Invalid datetime');
