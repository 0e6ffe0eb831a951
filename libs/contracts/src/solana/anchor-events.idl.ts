/**
 * IDL (Anchor spec 0.1.0, as `anchor build` writes it since 0.30) of Anchor's own `events` example
 * program (coral-xyz/anchor `tests/events/programs/events`): `initialize` emits MyEvent, `test_event`
 * MyOtherEvent, `test_event_cpi` MyOtherEvent through `emit_cpi!`. Discriminators are the first 8
 * bytes of sha256("global:<ix>") / sha256("event:<Event>"), checked by anchor-events.idl.spec.ts.
 */
export const anchorEventsIdl = {
  address: '2dhGsWUzy5YKUsjZdLHLmkNpUDAXkNa9MYWsPc4Ziqzy',
  metadata: { name: 'events', version: '0.1.0', spec: '0.1.0', description: 'Created with Anchor' },
  instructions: [
    {
      name: 'initialize',
      discriminator: [175, 175, 109, 31, 13, 152, 155, 237],
      accounts: [],
      args: [],
    },
    {
      name: 'test_event',
      discriminator: [73, 92, 55, 0, 53, 248, 112, 109],
      accounts: [],
      args: [],
    },
    {
      name: 'test_event_cpi',
      discriminator: [61, 120, 51, 92, 93, 89, 17, 176],
      accounts: [
        { name: 'program', address: '2dhGsWUzy5YKUsjZdLHLmkNpUDAXkNa9MYWsPc4Ziqzy' },
        {
          name: 'event_authority',
          pda: {
            seeds: [
              {
                kind: 'const',
                value: [95, 95, 101, 118, 101, 110, 116, 95, 97, 117, 116, 104, 111, 114, 105, 116, 121],
              },
            ],
          },
        },
      ],
      args: [],
    },
  ],
  events: [
    { name: 'MyEvent', discriminator: [96, 184, 197, 243, 139, 2, 90, 148] },
    { name: 'MyOtherEvent', discriminator: [133, 194, 247, 98, 118, 178, 28, 182] },
  ],
  types: [
    {
      name: 'MyEvent',
      type: {
        kind: 'struct',
        fields: [
          { name: 'data', type: 'u64' },
          { name: 'label', type: 'string' },
        ],
      },
    },
    {
      name: 'MyOtherEvent',
      type: {
        kind: 'struct',
        fields: [
          { name: 'data', type: 'u64' },
          { name: 'label', type: 'string' },
        ],
      },
    },
  ],
} as const;
