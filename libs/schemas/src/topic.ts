import type { z } from 'zod';

/**
 * A Kafka topic: its name (which is also the envelope `type`), how its messages are keyed, and the
 * zod schema of the envelope's `data`.
 *
 * @example
 * const t = defineTopic({ name: 'demo.thing.v1', schema: z.object({ id: z.string() }),
 *   keyDescription: 'thing id', keyOf: (d) => d.id });
 */
export interface TopicDefinition<TSchema extends z.ZodTypeAny = z.ZodTypeAny> {
  readonly name: string;
  readonly schema: TSchema;
  /** What the key is, in words, so consumers know which aggregate's order they can rely on. */
  readonly keyDescription: string;
  // Method syntax on purpose: it keeps TopicDefinition<Specific> assignable to TopicDefinition.
  keyOf(data: z.infer<TSchema>): string;
}

export type TopicData<T extends TopicDefinition> = z.infer<T['schema']>;

export function defineTopic<TSchema extends z.ZodTypeAny>(
  def: TopicDefinition<TSchema>,
): TopicDefinition<TSchema> {
  return Object.freeze(def);
}

/** The dead-letter topic of a topic: where messages that can never be processed go, with their error. */
export function deadLetterTopicOf(topic: string): string {
  return `${topic}.dlq`;
}
