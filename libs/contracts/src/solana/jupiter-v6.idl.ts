/**
 * Events of Jupiter's v6 aggregator (mainnet `JUP6LkbZbjS1jKKwapdHNy74zcZ3tLUZoi5QNyVTaV4`), a real
 * Anchor program that emits them with `emit_cpi!` (a self-CPI whose data is the event), decoded by
 * the indexer's tests from a recorded mainnet route.
 *
 * Source: the legacy (Anchor < 0.30) IDL Jupiter publishes in jup-ag/instruction-parser (ISC),
 * `src/idl/jupiter.ts` at commit 093638147f94c0cb26bd8d262968c7df5d5db675 — its `events` section
 * (SwapEvent, FeeEvent) only, rewritten in the spec 0.1.0 layout @coral-xyz/anchor 0.30+ reads: each
 * event's fields become a struct in `types` (`publicKey` is spelled `pubkey` there), and the event
 * carries its discriminator, sha256("event:<Name>")[..8] (checked by jupiter-v6.idl.spec.ts). Field
 * names and order are kept as published; instructions and accounts are left out.
 */
export const jupiterV6Idl = {
  address: 'JUP6LkbZbjS1jKKwapdHNy74zcZ3tLUZoi5QNyVTaV4',
  metadata: {
    name: 'jupiter',
    version: '0.1.0',
    spec: '0.1.0',
    description: 'Jupiter v6 aggregator (events only, from the published IDL)',
  },
  instructions: [],
  events: [
    { name: 'SwapEvent', discriminator: [64, 198, 205, 232, 38, 8, 113, 226] },
    { name: 'FeeEvent', discriminator: [73, 79, 78, 127, 184, 213, 13, 220] },
  ],
  types: [
    {
      name: 'SwapEvent',
      type: {
        kind: 'struct',
        fields: [
          { name: 'amm', type: 'pubkey' },
          { name: 'inputMint', type: 'pubkey' },
          { name: 'inputAmount', type: 'u64' },
          { name: 'outputMint', type: 'pubkey' },
          { name: 'outputAmount', type: 'u64' },
        ],
      },
    },
    {
      name: 'FeeEvent',
      type: {
        kind: 'struct',
        fields: [
          { name: 'account', type: 'pubkey' },
          { name: 'mint', type: 'pubkey' },
          { name: 'amount', type: 'u64' },
        ],
      },
    },
  ],
} as const;
