import { driftSummaryOf, holdingsDriftOf } from './holdings-drift.util';

describe(holdingsDriftOf.name, () => {
  it('is empty when the projection and the chain agree', () => {
    expect(
      holdingsDriftOf(
        ['TRUST'],
        { balances: { TRUST: 5n }, nftIds: ['2'] },
        { balances: { TRUST: 5n }, nftIds: ['2'] },
      ),
    ).toEqual([]);
  });

  it('lists every differing balance and NFT, a missing balance counting as 0', () => {
    const drift = holdingsDriftOf(
      ['TRUST', 'TALLY'],
      { balances: { TRUST: 5n }, nftIds: ['10', '2'] },
      { balances: { TRUST: 7n, TALLY: 1n }, nftIds: ['3', '10'] },
    );
    expect(drift).toEqual([
      { kind: 'balance', token: 'TRUST', projected: '5', onChain: '7' },
      { kind: 'balance', token: 'TALLY', projected: '0', onChain: '1' },
      { kind: 'nft', tokenId: '2', projected: true, onChain: false },
      { kind: 'nft', tokenId: '3', projected: false, onChain: true },
    ]);
    expect(driftSummaryOf('0xa', drift)).toBe(
      'wallet 0xa differed from the chain: TRUST 5 (chain 7), TALLY 0 (chain 1), Covenant #2 held (chain not held), Covenant #3 not held (chain held)',
    );
  });
});
