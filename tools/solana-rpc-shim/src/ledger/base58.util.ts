import { utils } from '@coral-xyz/anchor';

/** Base58 as Solana writes signatures, keys and instruction data (anchor's bs58, a direct dependency). */
export const base58 = {
  encode: (bytes: Uint8Array): string => utils.bytes.bs58.encode(bytes),
  decode: (text: string): Uint8Array => utils.bytes.bs58.decode(text),
};
