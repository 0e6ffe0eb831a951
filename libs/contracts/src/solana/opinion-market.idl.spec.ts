import { createHash } from 'node:crypto';
import { opinionMarketIdl } from './opinion-market.idl';

const discriminatorOf = (preimage: string) => [
  ...createHash('sha256').update(preimage).digest().subarray(0, 8),
];

describe('opinionMarketIdl', () => {
  it('carries the discriminators Anchor derives from the instruction and account names', () => {
    for (const ix of opinionMarketIdl.instructions) {
      expect([ix.name, ix.discriminator]).toEqual([ix.name, discriminatorOf(`global:${ix.name}`)]);
    }
    for (const account of opinionMarketIdl.accounts) {
      expect([account.name, account.discriminator]).toEqual([
        account.name,
        discriminatorOf(`account:${account.name}`),
      ]);
    }
  });
});
