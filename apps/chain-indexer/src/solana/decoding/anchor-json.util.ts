import { BN } from '@coral-xyz/anchor';
import { PublicKey } from '@solana/web3.js';
import type { JsonValue } from '@convergence/schemas';

/**
 * An Anchor-decoded value as JSON that survives `JSON.stringify`/`parse` unchanged: BN (u64, i128…)
 * as decimal strings, public keys as base58, bytes as base64, structs and enum variants as objects.
 *
 * @example
 * anchorJsonOf({ data: new BN(5), owner: somePublicKey }) // { data: '5', owner: 'Base58…' }
 */
export function anchorJsonOf(value: unknown): JsonValue {
  switch (typeof value) {
    case 'bigint':
      return value.toString();
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`cannot represent ${value} in JSON`);
      return value;
    case 'string':
    case 'boolean':
      return value;
    case 'undefined':
      return null;
    case 'object':
      return objectJsonOf(value);
    case 'symbol':
    case 'function':
      throw new TypeError(`cannot represent a ${typeof value} in JSON`);
  }
}

function objectJsonOf(value: object | null): JsonValue {
  if (value === null) return null;
  if (BN.isBN(value)) return (value as BN).toString(10);
  if (value instanceof PublicKey) return value.toBase58();
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (Array.isArray(value)) return value.map(anchorJsonOf);
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, anchorJsonOf(v)]));
}
