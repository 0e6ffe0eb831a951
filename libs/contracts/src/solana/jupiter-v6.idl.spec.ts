import { createHash } from 'node:crypto';
import { BN, BorshCoder, type Idl } from '@coral-xyz/anchor';
import { PublicKey } from '@solana/web3.js';
import { jupiterV6Idl } from './jupiter-v6.idl';

const discriminatorOf = (preimage: string) => [
  ...createHash('sha256').update(preimage).digest().subarray(0, 8),
];

describe('jupiterV6Idl', () => {
  it('carries the discriminators Anchor derives from the event names', () => {
    for (const event of jupiterV6Idl.events) {
      expect([event.name, event.discriminator]).toEqual([event.name, discriminatorOf(`event:${event.name}`)]);
    }
  });

  it('describes every event with a struct of the same name, fields as the published IDL lists them', () => {
    expect(jupiterV6Idl.types.map((t) => t.name)).toEqual(jupiterV6Idl.events.map((e) => e.name));
    expect(jupiterV6Idl.types[0].type.fields.map((f) => `${f.name}:${f.type}`)).toEqual([
      'amm:pubkey',
      'inputMint:pubkey',
      'inputAmount:u64',
      'outputMint:pubkey',
      'outputAmount:u64',
    ]);
  });

  it("lays a SwapEvent out as Anchor's own coder does: three keys and two u64, 112 bytes", () => {
    const coder = new BorshCoder(jupiterV6Idl as unknown as Idl);
    const key = PublicKey.unique();
    const body = coder.types.encode('SwapEvent', {
      amm: key,
      inputMint: key,
      inputAmount: new BN(1),
      outputMint: key,
      outputAmount: new BN(2),
    });
    expect(body.length).toBe(112);
  });
});
