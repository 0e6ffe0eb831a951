import { createEnvelope, envelopeSchema, topics } from '@convergence/schemas';
import { SERVICE_NAME } from '../config/env';
import { outboxEnvelopeOf } from './outbox-envelope.util';

const wallet = `0x${'a'.repeat(40)}`;
const time = new Date('2026-03-01T12:00:00.123Z');

describe('outboxEnvelopeOf', () => {
  it('builds the envelope createEnvelope builds, with the service as source', () => {
    const data = {
      wallet,
      unlockId: 'trust-500',
      unlockVersion: 2,
      achievedAt: time.toISOString(),
      provisional: true,
    };
    const built = outboxEnvelopeOf(
      topics.unlockAchieved,
      { id: 'achievement-1', subject: wallet, data },
      time,
    );
    const reference = createEnvelope(topics.unlockAchieved, {
      id: 'achievement-1',
      source: SERVICE_NAME,
      subject: wallet,
      time,
      data,
    });
    expect(built).toEqual({ ...reference });
    expect(envelopeSchema.safeParse(built).success).toBe(true);
  });

  it('gives each envelope without an id a fresh UUID', () => {
    const data = { wallet, fields: ['balances'], confirmed: false };
    const first = outboxEnvelopeOf(topics.profileUpdated, { subject: wallet, data }, time);
    const second = outboxEnvelopeOf(topics.profileUpdated, { subject: wallet, data }, time);
    expect(first.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(second.id).not.toBe(first.id);
    expect(first).toMatchObject({ type: 'profile.updated.v1', time: '2026-03-01T12:00:00.123Z', data });
  });
});
