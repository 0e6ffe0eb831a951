import { findTopic } from '@convergence/schemas';
import { parseOffset, parseWholeNumber, resolveDeadLetterTopic } from './dead-letter-request.util';
import { InvalidDeadLetterRequestError } from './invalid-dead-letter-request.error';

describe(resolveDeadLetterTopic.name, () => {
  it('accepts a registered topic with or without its .dlq suffix', () => {
    const expected = { topic: 'unlock.achieved.v1', dlq: 'unlock.achieved.v1.dlq' };
    expect(resolveDeadLetterTopic('unlock.achieved.v1', findTopic)).toEqual(expected);
    expect(resolveDeadLetterTopic('unlock.achieved.v1.dlq', findTopic)).toEqual(expected);
  });

  it.each(['unlock.achieved.v9', 'unlock.achieved.v1.dlq.dlq', '.dlq', ''])(
    'rejects "%s", naming it',
    (name) => {
      expect(() => resolveDeadLetterTopic(name, findTopic)).toThrow(InvalidDeadLetterRequestError);
      expect(() => resolveDeadLetterTopic(name, findTopic)).toThrow(`unknown topic "${name}"`);
    },
  );
});

describe(parseOffset.name, () => {
  it('reads offsets beyond 2^53 exactly', () => {
    expect(parseOffset('9007199254740993', 'offset')).toBe(9007199254740993n);
    expect(parseOffset(3, 'fromOffset')).toBe(3n);
  });

  it.each(['-1', '1.5', 'abc', ''])('rejects "%s"', (value) => {
    expect(() => parseOffset(value, 'offset')).toThrow(
      `offset must be a non-negative integer, got "${value}"`,
    );
  });
});

describe(parseWholeNumber.name, () => {
  it('rejects fractions and numbers below the minimum', () => {
    expect(parseWholeNumber(1, 'limit', 1)).toBe(1);
    expect(() => parseWholeNumber(0, 'limit', 1)).toThrow('limit must be an integer >= 1, got 0');
    expect(() => parseWholeNumber(1.5, 'partition', 0)).toThrow(InvalidDeadLetterRequestError);
  });
});
