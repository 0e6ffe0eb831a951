import { createHash } from 'node:crypto';
import { BN, BorshCoder, type Idl } from '@coral-xyz/anchor';
import { tensorswapIdl } from './tensorswap.idl';

const discriminatorOf = (preimage: string) => [
  ...createHash('sha256').update(preimage).digest().subarray(0, 8),
];

describe('tensorswapIdl', () => {
  it('carries the discriminators Anchor derives from the event names', () => {
    for (const event of tensorswapIdl.events) {
      expect([event.name, event.discriminator]).toEqual([event.name, discriminatorOf(`event:${event.name}`)]);
    }
  });

  it('describes every event with a struct of the same name, as the published IDL lists its fields', () => {
    expect(tensorswapIdl.types.map((t) => t.name)).toEqual(tensorswapIdl.events.map((e) => e.name));
    expect(tensorswapIdl.types[0].type.fields.map((f) => `${f.name}:${f.type}`)).toEqual([
      'currentPrice:u64',
      'tswapFee:u64',
      'mmFee:u64',
      'creatorsFee:u64',
    ]);
  });

  it("round-trips a BuySellEvent through Anchor's own coder: 8-byte discriminator + 4 little-endian u64", () => {
    const coder = new BorshCoder(tensorswapIdl as unknown as Idl);
    const body = coder.types.encode('BuySellEvent', {
      currentPrice: new BN('32000000000'),
      tswapFee: new BN('448000000'),
      mmFee: new BN(0),
      creatorsFee: new BN('2486400000'),
    });
    expect(body.length).toBe(32);
    const payload = Buffer.concat([Buffer.from(tensorswapIdl.events[0].discriminator), body]);
    const decoded = coder.events.decode(payload.toString('base64'));
    expect(decoded?.name).toBe('BuySellEvent');
    expect(String(decoded?.data['currentPrice'])).toBe('32000000000');
  });
});
