import { type TopicDefinition, deadLetterTopicOf } from '@convergence/schemas';
import { InvalidDeadLetterRequestError } from './invalid-dead-letter-request.error';

const DLQ_SUFFIX = deadLetterTopicOf('');

/** The topic a dead-letter request is about and its DLQ. */
export interface DeadLetterTopics {
  topic: string;
  dlq: string;
}

/**
 * Accepts a topic or its `.dlq`, and only for topics the registry knows, so an operator's typo
 * is an error rather than an empty (or auto-created) topic.
 *
 * @example
 * resolveDeadLetterTopic('unlock.achieved.v1.dlq', findTopic) // { topic: 'unlock.achieved.v1', dlq: 'unlock.achieved.v1.dlq' }
 */
export function resolveDeadLetterTopic(
  name: string,
  lookup: (name: string) => TopicDefinition | undefined,
): DeadLetterTopics {
  const topic = name.endsWith(DLQ_SUFFIX) ? name.slice(0, -DLQ_SUFFIX.length) : name;
  if (topic === '' || lookup(topic) === undefined) {
    throw new InvalidDeadLetterRequestError(
      `unknown topic "${name}": neither a registered topic nor the ${DLQ_SUFFIX} of one`,
    );
  }
  return { topic, dlq: deadLetterTopicOf(topic) };
}

/**
 * A Kafka offset from a request (offsets exceed 2^53 in principle, hence bigint).
 *
 * @example
 * parseOffset('42', 'fromOffset') // 42n
 */
export function parseOffset(value: string | number, what: string): bigint {
  const text = String(value).trim();
  if (!/^\d+$/.test(text)) {
    throw new InvalidDeadLetterRequestError(`${what} must be a non-negative integer, got "${String(value)}"`);
  }
  return BigInt(text);
}

/**
 * A count or partition number from a request.
 *
 * @example
 * parseWholeNumber(50, 'limit', 1) // 50
 */
export function parseWholeNumber(value: number, what: string, min: number): number {
  if (!Number.isSafeInteger(value) || value < min) {
    throw new InvalidDeadLetterRequestError(`${what} must be an integer >= ${min}, got ${String(value)}`);
  }
  return value;
}
