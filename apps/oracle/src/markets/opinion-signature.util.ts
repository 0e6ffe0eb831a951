import { keccak256, toHex, verifyMessage, type Hex } from 'viem';

/**
 * The hash a staker puts on chain for an opinion: keccak256 of its UTF-8 text (what `stake` receives
 * as opinionHash).
 * @example opinionHashOf('Yes: ETF inflows keep climbing')
 */
export function opinionHashOf(text: string): Hex {
  return keccak256(toHex(text));
}

/**
 * Whether `signature` is `staker`'s EIP-191 personal signature over the 32 raw bytes of the opinion
 * hash — what a wallet produces for `signMessage({ message: { raw: opinionHash } })`.
 */
export function isOpinionSignedBy(staker: Hex, opinionHash: Hex, signature: Hex): Promise<boolean> {
  return verifyMessage({ address: staker, message: { raw: opinionHash }, signature }).catch(() => false);
}
