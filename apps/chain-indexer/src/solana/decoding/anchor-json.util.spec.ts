import { BN } from '@coral-xyz/anchor';
import { PublicKey } from '@solana/web3.js';
import { anchorJsonOf } from './anchor-json.util';

describe(anchorJsonOf.name, () => {
  it('turns Anchor values into JSON that round-trips', () => {
    const key = new PublicKey('TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA');
    const value = {
      amount: new BN('340282366920938463463374607431768211455'),
      owner: key,
      memo: Buffer.from('hi'),
      nested: [{ flag: true, count: 3, none: null, missing: undefined }],
      variant: { active: {} },
    };
    const json = anchorJsonOf(value);
    expect(json).toEqual({
      amount: '340282366920938463463374607431768211455',
      owner: key.toBase58(),
      memo: 'aGk=',
      nested: [{ flag: true, count: 3, none: null, missing: null }],
      variant: { active: {} },
    });
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });

  it('refuses what JSON cannot hold', () => {
    expect(() => anchorJsonOf(Number.NaN)).toThrow(TypeError);
    expect(() => anchorJsonOf(() => 1)).toThrow(TypeError);
  });
});
