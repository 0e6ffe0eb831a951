import { type ContractName, contractAbis } from '@convergence/contracts';
import type { Abi } from 'viem';

/** The ABI to decode one address's logs with, and the name its events are published under. */
export interface ContractAbi {
  readonly contract: string;
  readonly abi: Abi;
}

/** ABIs keyed by lower-case address, so a lookup does not depend on checksum casing. */
export type AbisByAddress = ReadonlyMap<string, ContractAbi>;

/**
 * The decoding table for watched contracts, from their address and generated contract kind.
 *
 * @example
 * abisByAddressOf([{ address: '0xAb…', contract: 'DemoToken' }]) // Map { '0xab…' => { contract: 'DemoToken', abi: demoTokenAbi } }
 */
export function abisByAddressOf(
  contracts: Iterable<{ readonly address: string; readonly contract: ContractName }>,
): AbisByAddress {
  const byAddress = new Map<string, ContractAbi>();
  for (const { address, contract } of contracts) {
    const key = address.toLowerCase();
    const existing = byAddress.get(key);
    if (existing && existing.contract !== contract) {
      throw new RangeError(`address ${address} is configured as both ${existing.contract} and ${contract}`);
    }
    byAddress.set(key, { contract, abi: contractAbis[contract] });
  }
  return byAddress;
}
