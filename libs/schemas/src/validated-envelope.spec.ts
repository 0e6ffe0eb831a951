import { z } from 'zod';
import { createEnvelope, parseEnvelope } from './envelope.util';
import { topics } from './registry';
import { defineTopic } from './topic';
import { wasValidatedFor } from './validated-envelope';

const alert = { labels: { alertname: 'A' }, annotations: {}, startsAt: '2026-01-01T00:00:00Z' };

describe(wasValidatedFor.name, () => {
  it('knows the envelopes createEnvelope and parseEnvelope built for a topic', () => {
    const created = createEnvelope(topics.alertsRaw, { source: 'test', data: alert });
    expect(wasValidatedFor(topics.alertsRaw, created)).toBe(true);
    const parsed = parseEnvelope(topics.alertsRaw, JSON.stringify(created));
    expect(wasValidatedFor(topics.alertsRaw, parsed)).toBe(true);
  });

  it('does not vouch for a copy, an envelope written by hand, or another topic', () => {
    const created = createEnvelope(topics.alertsRaw, { source: 'test', data: alert });
    expect(wasValidatedFor(topics.alertsRaw, { ...created })).toBe(false);
    expect(wasValidatedFor(topics.alertsRaw, JSON.parse(JSON.stringify(created)) as typeof created)).toBe(
      false,
    );
    expect(wasValidatedFor(topics.alertsRaw, Object.assign({}, created))).toBe(false);
    expect(wasValidatedFor(topics.alertsRaw, structuredClone(created))).toBe(false);
    expect(wasValidatedFor(topics.alertsNotification, created)).toBe(false);
  });

  it('leaves no trace in the envelope: JSON, keys and strict equality as a plain object', () => {
    const created = createEnvelope(topics.alertsRaw, { id: 'a-1', source: 'test', data: alert });
    const plain = JSON.parse(JSON.stringify(created)) as unknown;
    expect(created).toStrictEqual(plain);
    expect(Object.keys(created)).toEqual(Object.keys(plain as object));
  });

  it('does not vouch across two topics that share a name but not a schema', () => {
    const loose = defineTopic({
      name: topics.alertsRaw.name,
      keyDescription: 'none',
      keyOf: () => 'k',
      schema: z.object({}).passthrough(),
    });
    const created = createEnvelope(loose, { source: 'test', data: {} });
    expect(wasValidatedFor(loose, created)).toBe(true);
    expect(wasValidatedFor(topics.alertsRaw, created)).toBe(false);
  });
});

describe('createEnvelope envelope fields', () => {
  const make = (input: Partial<Parameters<typeof createEnvelope>[1]>) =>
    createEnvelope(topics.alertsRaw, { source: 'test', data: alert, ...input });

  it('builds the same envelope as before: id, type, source, ISO time, subject only when given', () => {
    const time = new Date('2026-03-04T05:06:07.089Z');
    expect(make({ id: 'a-1', time, subject: 's' })).toEqual({
      id: 'a-1',
      type: 'alerts.raw.v1',
      source: 'test',
      time: '2026-03-04T05:06:07.089Z',
      subject: 's',
      data: alert,
    });
    expect(Object.keys(make({ id: 'a-1', time }))).toEqual(['id', 'type', 'source', 'time', 'data']);
  });

  it('still names each bad envelope field', () => {
    expect(() => make({ id: '' })).toThrow(/alerts\.raw\.v1 envelope is invalid: id: /);
    expect(() => make({ id: 'x'.repeat(513) })).toThrow(/envelope is invalid: id: /);
    expect(() => make({ source: '' })).toThrow(/envelope is invalid: source: /);
    expect(() => make({ source: 'x'.repeat(129) })).toThrow(/envelope is invalid: source: /);
    expect(() => make({ subject: '' })).toThrow(/envelope is invalid: subject: /);
    expect(() => make({ source: 42 as unknown as string })).toThrow(/envelope is invalid: source: /);
    // Years past 9999 have no datetime form the schema accepts.
    expect(() => make({ time: new Date('+010000-01-01T00:00:00.000Z') })).toThrow(
      /envelope is invalid: time: Invalid datetime/,
    );
  });

  it('refuses a topic whose name is not a versioned event type', () => {
    const unversioned = defineTopic({
      name: 'alerts.raw',
      keyDescription: 'none',
      keyOf: () => 'k',
      schema: z.object({}),
    });
    expect(() => createEnvelope(unversioned, { source: 'test', data: {} })).toThrow(
      /envelope is invalid: type: must look like "domain.name.v1"/,
    );
  });
});
