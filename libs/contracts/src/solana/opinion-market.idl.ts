/**
 * IDL (Anchor spec 0.1.0, as `anchor build` writes it) of `opinion_market`, the Solana counterpart of
 * the OpinionMarket contract: one `Market` account per market (PDA `["market", market_id u64 LE]`)
 * holding its stakes, and the settlement instructions the oracle sends. No such program is built here
 * (no SBF toolchain): this is the interface the oracle's Solana adapter speaks. Discriminators are the
 * first 8 bytes of sha256("global:<ix>") / sha256("account:<Account>"), checked by the spec.
 */
export const opinionMarketIdl = {
  address: 'GmMoXcV14hvmKvDc1UjRi6JQAxg1MR2WhxvVoiFMTYwK',
  metadata: { name: 'opinion_market', version: '0.1.0', spec: '0.1.0', description: 'Opinion markets' },
  instructions: [
    {
      name: 'close_market',
      discriminator: [88, 154, 248, 186, 48, 14, 123, 244],
      accounts: [
        { name: 'market', writable: true },
        { name: 'authority', signer: true },
      ],
      args: [],
    },
    {
      name: 'record_sentiment',
      discriminator: [15, 199, 212, 118, 5, 239, 7, 233],
      accounts: [
        { name: 'market', writable: true },
        { name: 'oracle', signer: true },
      ],
      args: [
        { name: 'score', type: 'u8' },
        { name: 'confidence', type: 'u8' },
      ],
    },
    {
      name: 'request_randomness',
      discriminator: [213, 5, 173, 166, 37, 236, 31, 18],
      accounts: [
        { name: 'market', writable: true },
        { name: 'oracle', signer: true },
      ],
      args: [],
    },
    {
      name: 'settle',
      discriminator: [175, 42, 185, 87, 144, 131, 102, 212],
      accounts: [
        { name: 'market', writable: true },
        { name: 'oracle', signer: true },
      ],
      args: [],
    },
  ],
  accounts: [{ name: 'Market', discriminator: [219, 190, 213, 55, 0, 227, 198, 154] }],
  types: [
    {
      name: 'MarketStatus',
      type: {
        kind: 'enum',
        variants: [
          { name: 'Open' },
          { name: 'Closed' },
          { name: 'RandomnessRequested' },
          { name: 'RandomnessFulfilled' },
          { name: 'Settled' },
        ],
      },
    },
    {
      name: 'StakeEntry',
      type: {
        kind: 'struct',
        fields: [
          { name: 'staker', type: 'pubkey' },
          { name: 'amount', type: 'u64' },
          { name: 'opinion_hash', type: { array: ['u8', 32] } },
        ],
      },
    },
    {
      name: 'Market',
      type: {
        kind: 'struct',
        fields: [
          { name: 'market_id', type: 'u64' },
          { name: 'creator', type: 'pubkey' },
          { name: 'statement', type: 'string' },
          { name: 'closes_at', type: 'i64' },
          { name: 'status', type: { defined: { name: 'MarketStatus' } } },
          { name: 'total_staked', type: 'u64' },
          { name: 'sentiment_recorded', type: 'bool' },
          { name: 'sentiment_score', type: 'u8' },
          { name: 'sentiment_confidence', type: 'u8' },
          { name: 'request_id', type: 'u64' },
          { name: 'winner', type: 'pubkey' },
          { name: 'stakes', type: { vec: { defined: { name: 'StakeEntry' } } } },
          { name: 'bump', type: 'u8' },
        ],
      },
    },
  ],
} as const;
