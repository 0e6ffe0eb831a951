import type { JsonValue } from '@convergence/schemas';

const ADDRESS = /^0x[0-9a-fA-F]{40}$/;
const ZERO_ADDRESS = `0x${'0'.repeat(40)}`;

/**
 * The wallets an event touches: every address-valued top-level argument (from, to, voter, staker…),
 * lowercased, without the zero address (mints and burns), each once.
 *
 * @example
 * walletsInvolved({ from: '0xAb…', to: '0x00…00', value: '5' }) // ['0xab…']
 */
export function walletsInvolved(args: Record<string, JsonValue>): string[] {
  const wallets = new Set<string>();
  for (const value of Object.values(args)) {
    if (typeof value === 'string' && ADDRESS.test(value)) {
      const wallet = value.toLowerCase();
      if (wallet !== ZERO_ADDRESS) wallets.add(wallet);
    }
  }
  return [...wallets];
}
