import { profileUpdatesOf } from './profile-updates.util';

const a = `0x${'a'.repeat(40)}`;
const b = `0x${'b'.repeat(40)}`;
const c = `0x${'c'.repeat(40)}`;

describe('profileUpdatesOf', () => {
  it('announces each wallet once with every field its effects moved, sorted', () => {
    const transfer = {
      activity: [
        { wallet: b, eventName: 'Transfer' },
        { wallet: a, eventName: 'Transfer' },
      ],
      balances: [
        { wallet: b, token: 'TRUST', delta: '-5' },
        { wallet: a, token: 'TRUST', delta: '5' },
      ],
    };
    const vote = { activity: [{ wallet: a, eventName: 'VoteCast' }], balances: [] };
    const covenant = {
      activity: [{ wallet: c, eventName: 'Transfer' }],
      balances: [],
      nft: { collection: 'Covenant', tokenId: '1', from: null, to: c },
    };
    expect(
      profileUpdatesOf([
        { effects: transfer, confirmed: true },
        { effects: vote, confirmed: true },
        { effects: transfer, confirmed: true },
        { effects: covenant, confirmed: true },
      ]),
    ).toEqual([
      { wallet: a, fields: ['balances', 'eventCounts', 'votes'], confirmed: true },
      { wallet: b, fields: ['balances', 'eventCounts'], confirmed: true },
      { wallet: c, fields: ['eventCounts', 'nfts'], confirmed: true },
    ]);
  });

  it('is unconfirmed for a wallet when any of its changes is, and empty for no effects', () => {
    const proposal = { activity: [{ wallet: a, eventName: 'ProposalCreated' }], balances: [] };
    const transfer = { activity: [{ wallet: a, eventName: 'Transfer' }], balances: [] };
    expect(
      profileUpdatesOf([
        { effects: proposal, confirmed: true },
        { effects: transfer, confirmed: false },
      ]),
    ).toEqual([{ wallet: a, fields: ['eventCounts', 'proposals'], confirmed: false }]);
    expect(profileUpdatesOf([])).toEqual([]);
  });
});
