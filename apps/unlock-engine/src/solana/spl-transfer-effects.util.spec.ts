import { type SolanaTx, solanaBalanceDeltaOf, splTransferEffectsOf } from './spl-transfer-effects.util';

const MINT = 'So11111111111111111111111111111111111111112';
const OTHER_MINT = 'EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v';
const ALICE = '9xQeWvG816bUx9EPjHmaT23yvVM2ZWbrrpZb9PusVFin';
const BOB = '7xKXtg2CW87d97TXJSDpbD5jBkheTqA83TZRuJosgAsU';
const scope = { cluster: 'localnet', mints: new Set([MINT]) };

// A plain `transfer` as the indexer's SPL decoder publishes it (mint and owners from the token balances).
function transfer(
  args: Partial<Record<string, string | number | null>> = {},
  over: Partial<SolanaTx> = {},
): SolanaTx {
  return {
    cluster: 'localnet',
    slot: '120',
    blockTime: '2026-11-22T08:00:00.000Z',
    signature: '5VERv8NMvzbJMEkV8xnrLkEaWRtSz9CosKDYjCJjBRnbJLgp8uirBgmQpjKhoR4tjF3ZpRzrFmBV6UjKdiSZkQUW',
    instructionIndex: 0,
    innerInstructionIndex: null,
    eventIndex: null,
    programId: 'TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA',
    kind: 'spl-transfer',
    name: 'transfer',
    args: {
      source: 'Dtn1kzS1r5Z5Vx4ZAdx7Bq4H7oSSQmnUfs6GJrA9PUNR',
      destination: 'HmV1DqfVhrk1EvPvQKd9fyhW6b4CqpfGQEi3K5Mmb2ox',
      authority: ALICE,
      amount: '250000000',
      mint: MINT,
      decimals: 6,
      sourceOwner: ALICE,
      destinationOwner: BOB,
      ...args,
    },
    commitment: 'confirmed',
    ...over,
  };
}

describe(splTransferEffectsOf.name, () => {
  it('moves the amount from the source owner to the destination owner', () => {
    expect(splTransferEffectsOf(transfer(), scope)).toEqual({
      effects: {
        balances: [
          { owner: ALICE, mint: MINT, delta: '-250000000' },
          { owner: BOB, mint: MINT, delta: '250000000' },
        ],
      },
    });
  });

  it('keeps only the side whose owner the indexer knew', () => {
    expect(splTransferEffectsOf(transfer({ sourceOwner: null }), scope)).toEqual({
      effects: { balances: [{ owner: BOB, mint: MINT, delta: '250000000' }] },
    });
    expect(splTransferEffectsOf(transfer({ sourceOwner: null, destinationOwner: null }), scope)).toEqual({
      skipped: 'owner',
    });
  });

  it('ignores other clusters, mints not configured, unknown mints and Anchor events', () => {
    expect(splTransferEffectsOf(transfer({}, { cluster: 'devnet' }), scope)).toEqual({ skipped: 'cluster' });
    expect(splTransferEffectsOf(transfer({ mint: OTHER_MINT }), scope)).toEqual({ skipped: 'mint' });
    expect(splTransferEffectsOf(transfer({ mint: null }), scope)).toEqual({ skipped: 'mint' });
    expect(
      splTransferEffectsOf(
        transfer({}, { kind: 'anchor-event', name: 'Staked', args: { amount: '5' } }),
        scope,
      ),
    ).toEqual({ skipped: 'kind' });
  });
});

describe(solanaBalanceDeltaOf.name, () => {
  it('sums per owner and mint into the total and the confirmed state', () => {
    const effects = {
      balances: [
        { owner: BOB, mint: MINT, delta: '5' },
        { owner: ALICE, mint: MINT, delta: '-5' },
      ],
    };
    expect(
      solanaBalanceDeltaOf([
        { effects, total: true, confirmed: false },
        { effects, total: true, confirmed: true },
        { effects, total: false, confirmed: true },
      ]),
    ).toEqual([
      { owner: BOB, mint: MINT, amount: 10n, confirmedAmount: 10n },
      { owner: ALICE, mint: MINT, amount: -10n, confirmedAmount: -10n },
    ]);
  });
});
