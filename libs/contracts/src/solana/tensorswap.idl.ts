/**
 * Events of Tensor's `tensorswap` program (mainnet `TSWAPaqyCSx2KABk68Shruf4rp7CxcNi8hAsbdwmHbN`), a real
 * Anchor program whose `emit!` events the indexer's tests decode from recorded mainnet transactions.
 *
 * Source: the legacy (Anchor < 0.30) IDL of tensorswap 1.6.0 published in tensor-hq/tensor-common
 * (MIT), `tests/solana_contrib/anchor_testfiles/tswap_v1_6_0.ts` at commit
 * 21adedfbcbc66b3bb5a682df799483d53d26fc95 — its `events` section (BuySellEvent, DelistEvent) only,
 * rewritten in the spec 0.1.0 layout @coral-xyz/anchor 0.30+ reads: each event's fields become a
 * struct in `types`, and the event carries its discriminator, sha256("event:<Name>")[..8] (checked
 * by tensorswap.idl.spec.ts). Field names and order are kept as published. Instructions and
 * accounts are left out: the indexer decodes events only.
 */
export const tensorswapIdl = {
  address: 'TSWAPaqyCSx2KABk68Shruf4rp7CxcNi8hAsbdwmHbN',
  metadata: {
    name: 'tensorswap',
    version: '1.6.0',
    spec: '0.1.0',
    description: 'Tensor NFT AMM (events only, from the published 1.6.0 IDL)',
  },
  instructions: [],
  events: [
    { name: 'BuySellEvent', discriminator: [98, 208, 120, 60, 93, 32, 19, 180] },
    { name: 'DelistEvent', discriminator: [104, 103, 131, 109, 44, 10, 10, 102] },
  ],
  types: [
    {
      name: 'BuySellEvent',
      type: {
        kind: 'struct',
        fields: [
          { name: 'currentPrice', type: 'u64' },
          { name: 'tswapFee', type: 'u64' },
          { name: 'mmFee', type: 'u64' },
          { name: 'creatorsFee', type: 'u64' },
        ],
      },
    },
    {
      name: 'DelistEvent',
      type: {
        kind: 'struct',
        fields: [{ name: 'currentPrice', type: 'u64' }],
      },
    },
  ],
} as const;
