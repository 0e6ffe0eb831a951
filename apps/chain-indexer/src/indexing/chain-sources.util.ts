import type { Address } from 'viem';
import type { ChainConfig } from '../chains/chain-config.model';
import { abisByAddressOf, type AbisByAddress } from '../decoding/contract-abi.util';

/** A chain's sources flattened for the loop: ABIs and start block per address. */
export interface ChainSources {
  readonly abisByAddress: AbisByAddress;
  /** Lower-case address → start block (the earliest, when an address is listed twice). */
  readonly startBlockByAddress: ReadonlyMap<string, bigint>;
  readonly addresses: readonly { readonly address: Address; readonly startBlock: bigint }[];
  /** Where a chain without a checkpoint starts. */
  readonly firstBlock: bigint;
}

/**
 * The lookup tables of a chain's sources. Throws when one address is configured as two contracts.
 *
 * @example
 * sourcesOf(chain).addressesActiveAt(120n) // the addresses whose start block is ≤ 120
 */
export function sourcesOf(chain: ChainConfig): ChainSources {
  const entries = chain.sources.flatMap((source) =>
    source.addresses.map((entry) => ({ ...entry, contract: source.contract })),
  );
  const startBlockByAddress = new Map<string, bigint>();
  for (const { address, startBlock } of entries) {
    const key = address.toLowerCase();
    const known = startBlockByAddress.get(key);
    startBlockByAddress.set(key, known === undefined || startBlock < known ? startBlock : known);
  }
  const addresses = [...startBlockByAddress].map(([key, startBlock]) => ({
    address: entries.find((e) => e.address.toLowerCase() === key)!.address,
    startBlock,
  }));
  return {
    abisByAddress: abisByAddressOf(entries),
    startBlockByAddress,
    addresses,
    firstBlock: addresses.reduce(
      (min, a) => (a.startBlock < min ? a.startBlock : min),
      addresses[0]?.startBlock ?? 0n,
    ),
  };
}

/**
 * The addresses whose start block is at or below `toBlock`: the ones worth asking `eth_getLogs` about.
 *
 * @example
 * addressesActiveBy(sources, 99n) // ['0xA…'] when only 0xA… starts at or before block 99
 */
export function addressesActiveBy(sources: ChainSources, toBlock: bigint): Address[] {
  return sources.addresses.filter((a) => a.startBlock <= toBlock).map((a) => a.address);
}
