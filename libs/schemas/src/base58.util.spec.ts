import { base58ByteLength } from './base58.util';

describe(base58ByteLength.name, () => {
  it('measures public keys and signatures', () => {
    expect(base58ByteLength('11111111111111111111111111111111')).toBe(32);
    expect(base58ByteLength('TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA')).toBe(32);
    expect(
      base58ByteLength(
        'J4WPKK1NyqyLbxxC7Qi4T3DEqEcSKxCrJLS7xgpLsWLeRMPKfxmJFhyozo6nF2yKxmauucgwtH4dxgxcb3UBQFV',
      ),
    ).toBe(64);
  });

  it('is undefined for characters outside the alphabet (0, O, I, l) and for empty text', () => {
    for (const text of ['0abc', 'Oabc', 'Iabc', 'labc', '']) expect(base58ByteLength(text)).toBeUndefined();
  });
});
