import type { KafkaMessage } from 'kafkajs';
import { DLQ_HEADERS, buildDeadLetter } from '../consumer/dead-letter.util';
import { NonRetryableError } from '../retryable-error';
import { REPLAY_HEADERS, stripDeadLetterHeaders, toDeadLetter, toReplayMessage } from './dead-letter.mapper';

const TOPIC = 'unlock.achieved.v1';
const DLQ = `${TOPIC}.dlq`;

function kafkaMessage(
  overrides: Partial<Pick<KafkaMessage, 'key' | 'value' | 'offset' | 'headers'>> = {},
): KafkaMessage {
  return {
    key: Buffer.from('profile-1'),
    value: Buffer.from(JSON.stringify({ id: 'evt-1', type: TOPIC, data: {} })),
    timestamp: '1763769600000',
    attributes: 0,
    offset: '7',
    headers: {},
    ...overrides,
  };
}

/** A dead letter exactly as TopicConsumer writes it, then as a consumer reads it back (Buffers). */
function deadLetterMessage(original: KafkaMessage, offset: string): KafkaMessage {
  const written = buildDeadLetter(
    { topic: TOPIC, partition: 2, group: 'unlock-engine.activity', message: original },
    new NonRetryableError('unlock rule refers to a missing token'),
    new Date('2025-11-22T10:00:00.000Z'),
  );
  const headers = Object.fromEntries(
    Object.entries(written.headers ?? {}).map(([k, v]) => [k, typeof v === 'string' ? Buffer.from(v) : v]),
  );
  return kafkaMessage({ key: original.key, value: original.value, headers, offset });
}

describe(stripDeadLetterHeaders.name, () => {
  it('keeps the original headers and drops every x-dlq-* one, replay markers included', () => {
    expect(
      stripDeadLetterHeaders({
        traceparent: '00-abc-def-01',
        'event-id': Buffer.from('evt-1'),
        [DLQ_HEADERS.error]: 'bad',
        [REPLAY_HEADERS.replayedFrom]: `${DLQ}:0:3`,
        'X-DLQ-Anything': 'x',
        absent: undefined,
      }),
    ).toEqual({ traceparent: '00-abc-def-01', 'event-id': Buffer.from('evt-1') });
  });

  it('treats missing headers as none', () => {
    expect(stripDeadLetterHeaders(undefined)).toEqual({});
  });
});

describe(toDeadLetter.name, () => {
  it('decodes what TopicConsumer wrote: error, origin, event identity, original value and headers', () => {
    const original = kafkaMessage({
      offset: '41',
      headers: {
        traceparent: Buffer.from('00-abc-def-01'),
        'event-id': Buffer.from('evt-1'),
        'event-type': Buffer.from(TOPIC),
        'x-origin': [Buffer.from('a'), Buffer.from('b')],
      },
    });
    expect(toDeadLetter(TOPIC, 0, deadLetterMessage(original, '7'))).toEqual({
      partition: 0,
      offset: '7',
      key: 'profile-1',
      error: 'unlock rule refers to a missing token',
      errorName: 'NonRetryableError',
      originalTopic: TOPIC,
      originalPartition: 2,
      originalOffset: '41',
      consumerGroup: 'unlock-engine.activity',
      failedAt: '2025-11-22T10:00:00.000Z',
      eventId: 'evt-1',
      eventType: TOPIC,
      value: JSON.stringify({ id: 'evt-1', type: TOPIC, data: {} }),
      headers: {
        traceparent: '00-abc-def-01',
        'event-id': 'evt-1',
        'event-type': TOPIC,
        'x-origin': ['a', 'b'],
      },
    });
  });

  it('takes the event identity from the envelope when the headers lack it, and none from a non-envelope', () => {
    const fromEnvelope = toDeadLetter(TOPIC, 0, deadLetterMessage(kafkaMessage(), '0'));
    expect([fromEnvelope.eventId, fromEnvelope.eventType]).toEqual(['evt-1', TOPIC]);

    const notJson = toDeadLetter(
      TOPIC,
      0,
      deadLetterMessage(kafkaMessage({ value: Buffer.from('{not json') }), '1'),
    );
    expect(notJson).not.toHaveProperty('eventId');
    expect(notJson.value).toBe('{not json');
  });

  it('shows a letter without x-dlq-* headers instead of failing, with nulls and the DLQ’s own topic', () => {
    const letter = toDeadLetter(TOPIC, 1, kafkaMessage({ key: null, value: null, headers: undefined }));
    expect(letter).toMatchObject({
      partition: 1,
      key: null,
      value: null,
      error: null,
      errorName: null,
      originalTopic: TOPIC,
      originalPartition: null,
      originalOffset: null,
      consumerGroup: null,
      failedAt: null,
      headers: {},
    });
  });

  it('says which earlier dead letter a failed replay came from', () => {
    const replayed = kafkaMessage({ headers: { [REPLAY_HEADERS.replayedFrom]: Buffer.from(`${DLQ}:0:3`) } });
    const letter = toDeadLetter(TOPIC, 0, deadLetterMessage(replayed, '9'));
    expect(letter.replayedFrom).toBe(`${DLQ}:0:3`);
    expect(letter.headers).toEqual({});
  });
});

describe(toReplayMessage.name, () => {
  it('restores the original key, value and headers byte for byte and marks where it was replayed from', () => {
    const original = kafkaMessage({ headers: { traceparent: Buffer.from('00-abc-def-01') } });
    const letter = deadLetterMessage(original, '12');
    const replay = toReplayMessage(DLQ, 1, letter, new Date('2025-11-23T08:00:00.000Z'));
    expect(replay.key).toBe(letter.key);
    expect(replay.value).toBe(letter.value);
    expect(replay.partition).toBeUndefined();
    expect(replay.headers).toEqual({
      traceparent: Buffer.from('00-abc-def-01'),
      [REPLAY_HEADERS.replayedFrom]: `${DLQ}:1:12`,
      [REPLAY_HEADERS.replayedAt]: '2025-11-23T08:00:00.000Z',
    });
  });

  it('replaces the markers of an earlier replay rather than keeping two', () => {
    const again = kafkaMessage({ offset: '20', headers: { [REPLAY_HEADERS.replayedFrom]: `${DLQ}:0:3` } });
    const replay = toReplayMessage(DLQ, 0, again, new Date(0));
    expect(replay.headers?.[REPLAY_HEADERS.replayedFrom]).toBe(`${DLQ}:0:20`);
  });
});
