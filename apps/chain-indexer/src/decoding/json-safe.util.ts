import type { JsonValue } from '@convergence/schemas';
import { bytesToHex } from 'viem';

/**
 * A decoded ABI value as JSON that survives `JSON.stringify`/`parse` unchanged: bigints (uint/int
 * over 48 bits in viem) become decimal strings, structs objects (or arrays when unnamed) and arrays
 * arrays, recursively; bytes stay hex and addresses stay as viem returns them (checksummed).
 * Integers of 48 bits or less stay numbers, as viem decodes them: they are exact in JSON.
 *
 * @example
 * jsonSafeOf({ value: 10n ** 24n, to: '0xAb…', ids: [1n, 2n] }) // { value: '1000000000000000000000000', to: '0xAb…', ids: ['1', '2'] }
 */
export function jsonSafeOf(value: unknown): JsonValue {
  switch (typeof value) {
    case 'bigint':
      return value.toString();
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`cannot represent ${value} in JSON`);
      return value;
    case 'undefined':
      return null;
    case 'object':
      if (value === null) return null;
      if (Array.isArray(value)) return value.map(jsonSafeOf);
      if (value instanceof Uint8Array) return bytesToHex(value);
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, jsonSafeOf(item)]));
    case 'symbol':
    case 'function':
      throw new TypeError(`cannot represent a ${typeof value} in JSON`);
  }
}
