import { isSolanaAddress } from './solana-address.util';

describe(isSolanaAddress.name, () => {
  it('accepts 32-byte base58 public keys', () => {
    expect(isSolanaAddress('11111111111111111111111111111111')).toBe(true);
    expect(isSolanaAddress('TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA')).toBe(true);
  });

  it('rejects hex addresses, characters outside base58 and keys of the wrong length', () => {
    expect(isSolanaAddress('0x1111111111111111111111111111111111111111')).toBe(false);
    expect(isSolanaAddress('TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5D0')).toBe(false);
    expect(isSolanaAddress('TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5')).toBe(false);
    // A 64-byte signature is base58 too, but no public key.
    expect(
      isSolanaAddress(
        '5VERv8NMvzbJMEkV8xnrLkEaWRtSz9CosKDYjCJjBRnbJLgp8uirBgmQpjKhoR4tjF3ZpRzrFmBV6UjKdiSZkQUW',
      ),
    ).toBe(false);
  });
});
