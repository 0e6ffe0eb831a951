import type { VersionedMessage } from '@solana/web3.js';
import { base58 } from './base58.util';

// An address lookup table's data: a 56-byte header, then 32-byte addresses.
const LOOKUP_TABLE_HEADER = 56;

/** A message's account keys: static ones, then those loaded from lookup tables, with writability. */
export interface MessageAccountKeys {
  readonly staticKeys: string[];
  readonly loaded: { writable: string[]; readonly: string[] };
  /** static, then loaded writable, then loaded readonly — the order instruction indexes refer to. */
  readonly all: string[];
  readonly writable: boolean[];
}

/**
 * Resolves every account key of a legacy or v0 message, reading lookup tables through `accountData`.
 * Throws when a table is missing or an index is out of range, as the runtime refuses such messages.
 */
export function accountKeysOf(
  message: VersionedMessage,
  accountData: (key: string) => { data: Uint8Array } | undefined,
): MessageAccountKeys {
  const staticKeys = message.staticAccountKeys.map((k) => k.toBase58());
  const loaded = { writable: [] as string[], readonly: [] as string[] };
  for (const lookup of message.addressTableLookups) {
    const table = accountData(lookup.accountKey.toBase58());
    if (!table) throw new Error(`address lookup table ${lookup.accountKey.toBase58()} not found`);
    const at = (i: number) => {
      const start = LOOKUP_TABLE_HEADER + i * 32;
      if (start + 32 > table.data.length) throw new Error(`lookup index ${i} out of range`);
      return base58.encode(table.data.subarray(start, start + 32));
    };
    loaded.writable.push(...lookup.writableIndexes.map(at));
    loaded.readonly.push(...lookup.readonlyIndexes.map(at));
  }
  const all = [...staticKeys, ...loaded.writable, ...loaded.readonly];
  const writable = all.map((_, i) =>
    i < staticKeys.length ? message.isAccountWritable(i) : i < staticKeys.length + loaded.writable.length,
  );
  return { staticKeys, loaded, all, writable };
}
