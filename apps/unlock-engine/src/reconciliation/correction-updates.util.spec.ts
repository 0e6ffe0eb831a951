import { correctionUpdatesOf } from './correction-updates.util';

const a = `0x${'a'.repeat(40)}`;
const b = `0x${'b'.repeat(40)}`;
const c = `0x${'c'.repeat(40)}`;

describe(correctionUpdatesOf.name, () => {
  it('announces the reconciled wallet once, with every field its corrections moved', () => {
    expect(
      correctionUpdatesOf([
        { kind: 'balance', wallet: a },
        { kind: 'balance', wallet: a },
        { kind: 'nft', from: null, to: a },
      ]),
    ).toEqual([{ wallet: a, fields: ['balances', 'nfts'], confirmed: true }]);
  });

  it("also announces the NFT's holder in the projection and its holder on chain", () => {
    expect(
      correctionUpdatesOf([
        { kind: 'nft', from: c, to: a },
        { kind: 'nft', from: a, to: b },
      ]),
    ).toEqual([
      { wallet: a, fields: ['nfts'], confirmed: true },
      { wallet: b, fields: ['nfts'], confirmed: true },
      { wallet: c, fields: ['nfts'], confirmed: true },
    ]);
  });

  it('announces nothing for no corrections, or an NFT written back to the owner it had', () => {
    expect(correctionUpdatesOf([])).toEqual([]);
    expect(correctionUpdatesOf([{ kind: 'nft', from: a, to: a }])).toEqual([]);
  });
});
