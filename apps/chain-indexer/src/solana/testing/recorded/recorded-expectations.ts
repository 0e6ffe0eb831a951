/**
 * What tensor-hq/tensor-common's own tests (tests/solana_contrib/anchor.test.ts, `expectBuyTx` and
 * `expectBuySellTx`) assert the recorded Tensorswap transactions carry: the independent expectation
 * the decoder's output is held to (never copied from it).
 */
export const tensorswapExpectedEvents = {
  buySingleListing: {
    currentPrice: '32000000000',
    mmFee: '0',
    tswapFee: '448000000',
    creatorsFee: '2486400000',
  },
  buyNft: { currentPrice: '428931407', mmFee: '0', tswapFee: '4289314', creatorsFee: '0' },
  sellNftTradePool: {
    currentPrice: '428931407',
    mmFee: '10723285',
    tswapFee: '4289314',
    creatorsFee: '0',
  },
} as const;
