import { createEnvelope, topics } from '@convergence/schemas';
import { roomOf, roomsOfEvent, subscriptionSchema } from './live-rooms.util';

const wallet = '0x' + 'Ab'.repeat(20);

describe(roomOf.name, () => {
  it('puts a wallet subscription in the lowercase wallet room', () => {
    expect(roomOf({ wallet }, 'viewer')).toEqual({ room: `wallet:${wallet.toLowerCase()}` });
  });

  it('keeps viewers out of the operators’ alert topic', () => {
    expect(roomOf({ topic: 'alerts.notification.v1' }, 'viewer')).toEqual({
      error: 'topic alerts.notification.v1 needs an operator token',
    });
    expect(roomOf({ topic: 'alerts.notification.v1' }, 'operator')).toEqual({
      room: 'topic:alerts.notification.v1',
    });
  });

  it('rejects a subscription to an unknown topic', () => {
    expect(subscriptionSchema.safeParse({ topic: 'chain.evm.log.v1' }).success).toBe(false);
  });
});

describe(roomsOfEvent.name, () => {
  it('sends an unlock to its topic and its wallet', () => {
    const envelope = createEnvelope(topics.unlockAchieved, {
      source: 'unlock-engine',
      data: {
        wallet,
        unlockId: 'gold',
        unlockVersion: 1,
        achievedAt: new Date().toISOString(),
        provisional: false,
      },
    });
    expect(roomsOfEvent('unlock.achieved.v1', envelope)).toEqual([
      'topic:unlock.achieved.v1',
      `wallet:${wallet.toLowerCase()}`,
    ]);
  });

  it('sends a settlement to its market', () => {
    const envelope = createEnvelope(topics.oracleSettlement, {
      source: 'oracle',
      data: {
        chainId: 31337,
        marketId: '7',
        state: 'settled',
        previousState: 'randomness_fulfilled',
        attempt: 1,
        changedAt: new Date().toISOString(),
      },
    });
    expect(roomsOfEvent('oracle.settlement.v1', envelope)).toEqual([
      'topic:oracle.settlement.v1',
      'market:31337:7',
    ]);
  });
});
