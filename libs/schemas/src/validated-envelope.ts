import type { z } from 'zod';
import type { Envelope } from './envelope';
import type { TopicDefinition } from './topic';

declare const validatedBrand: unique symbol;

/**
 * An envelope whose data already passed its topic's schema in this process: what createEnvelope and
 * parseEnvelope return. A producer may send it without validating it a second time
 * (`EventProducer.publishValidated`); consumers still validate on receipt. Build a new one with
 * createEnvelope rather than changing one in place — the check is not repeated.
 *
 * @example
 * const envelope: ValidatedEnvelope<TopicData<typeof topics.chainEvmLog>> = createEnvelope(topics.chainEvmLog, input);
 */
export type ValidatedEnvelope<TData = unknown> = Envelope<TData> & { readonly [validatedBrand]: true };

// The schema an envelope object passed, as a non-enumerable symbol property: invisible to JSON, to
// Jest's equality and to spreads (a copy is not vouched for), and cheaper than a WeakMap entry per
// envelope, whose ephemerons every GC has to trace (measured: ~0.6 µs against ~2 µs per envelope).
const VALIDATED_WITH = Symbol('validatedWith');

/** Records that `envelope` passed `topic`'s schema (for createEnvelope and parseEnvelope only). */
export function markValidated<TData>(
  topic: TopicDefinition,
  envelope: Envelope<TData>,
): ValidatedEnvelope<TData> {
  Object.defineProperty(envelope, VALIDATED_WITH, { value: topic.schema });
  return envelope as ValidatedEnvelope<TData>;
}

/**
 * Whether this very object came out of createEnvelope/parseEnvelope for `topic` (same schema). A copy
 * or a cast is not, so a producer validates those as before.
 *
 * @example
 * wasValidatedFor(topics.chainEvmLog, createEnvelope(topics.chainEvmLog, input)) // true
 * wasValidatedFor(topics.chainEvmLog, { ...createEnvelope(topics.chainEvmLog, input) }) // false
 */
export function wasValidatedFor(topic: TopicDefinition, envelope: Envelope<unknown>): boolean {
  return (
    (envelope as { [VALIDATED_WITH]?: z.ZodTypeAny })[VALIDATED_WITH] === topic.schema &&
    envelope.type === topic.name
  );
}
