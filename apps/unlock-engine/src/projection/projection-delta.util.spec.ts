import type { LogEffects } from './log-effects.util';
import { projectionDeltaOf } from './projection-delta.util';

const a = '0xa';
const b = '0xb';
const at = (iso: string) => new Date(iso);
const transfer = (from: string, to: string, amount: bigint): LogEffects => ({
  activity: [
    { wallet: from, eventName: 'Transfer' },
    { wallet: to, eventName: 'Transfer' },
  ],
  balances: [
    { wallet: from, token: 'TRUST', delta: (-amount).toString() },
    { wallet: to, token: 'TRUST', delta: amount.toString() },
  ],
});

describe(projectionDeltaOf.name, () => {
  it('sums a batch per row, counting unconfirmed logs in the total only', () => {
    const delta = projectionDeltaOf([
      {
        effects: transfer(a, b, 5n),
        blockTime: at('2026-01-02T00:00:00Z'),
        blockNumber: 2n,
        total: true,
        confirmed: true,
      },
      {
        effects: transfer(a, b, 3n),
        blockTime: at('2026-01-03T00:00:00Z'),
        blockNumber: 3n,
        total: true,
        confirmed: false,
      },
    ]);
    expect(delta.balances).toEqual([
      { wallet: a, token: 'TRUST', amount: -8n, confirmedAmount: -5n },
      { wallet: b, token: 'TRUST', amount: 8n, confirmedAmount: 5n },
    ]);
    expect(delta.activity[0]).toEqual({
      wallet: a,
      eventName: 'Transfer',
      count: 2,
      confirmedCount: 1,
      firstSeenAt: at('2026-01-02T00:00:00Z'),
      lastSeenAt: at('2026-01-03T00:00:00Z'),
      confirmedFirstSeenAt: at('2026-01-02T00:00:00Z'),
      confirmedLastSeenAt: at('2026-01-02T00:00:00Z'),
      lastBlock: 3n,
    });
  });

  it('adds a confirmation to the confirmed state only', () => {
    const delta = projectionDeltaOf([
      {
        effects: transfer(a, b, 3n),
        blockTime: at('2026-01-03T00:00:00Z'),
        blockNumber: 3n,
        total: false,
        confirmed: true,
      },
    ]);
    expect(delta.balances[1]).toEqual({ wallet: b, token: 'TRUST', amount: 0n, confirmedAmount: 3n });
    expect(delta.activity[1]).toMatchObject({ count: 0, confirmedCount: 1 });
    expect(delta.activity[1]?.firstSeenAt).toBeUndefined();
  });

  it('keeps the last owner of an NFT moved twice in a batch', () => {
    const nft = (from: string | null, to: string | null): LogEffects => ({
      activity: [],
      balances: [],
      nft: { collection: 'Covenant', tokenId: '1', from, to },
    });
    const delta = projectionDeltaOf([
      {
        effects: nft(null, a),
        blockTime: at('2026-01-01T00:00:00Z'),
        blockNumber: 1n,
        total: true,
        confirmed: true,
      },
      {
        effects: nft(a, b),
        blockTime: at('2026-01-01T00:00:00Z'),
        blockNumber: 2n,
        total: true,
        confirmed: false,
      },
    ]);
    expect(delta.nfts).toEqual([{ collection: 'Covenant', tokenId: '1', owner: b, confirmedOwner: a }]);
  });
});
