import { createHash } from 'node:crypto';
import { BorshCoder, type Idl } from '@coral-xyz/anchor';
import { anchorEventsIdl } from './anchor-events.idl';
import { solanaIdlNames, solanaIdls } from './solana-idls';

const discriminatorOf = (preimage: string) => [
  ...createHash('sha256').update(preimage).digest().subarray(0, 8),
];

describe('Solana IDLs', () => {
  it('carries the discriminators Anchor derives from instruction and event names', () => {
    for (const ix of anchorEventsIdl.instructions) {
      expect(ix.discriminator).toEqual(discriminatorOf(`global:${ix.name}`));
    }
    for (const event of anchorEventsIdl.events) {
      expect(event.discriminator).toEqual(discriminatorOf(`event:${event.name}`));
    }
  });

  it("is accepted by Anchor's Borsh coder for every event", () => {
    for (const name of solanaIdlNames) {
      const coder = new BorshCoder(solanaIdls[name] as unknown as Idl);
      expect(coder.events).toBeDefined();
    }
  });
});
