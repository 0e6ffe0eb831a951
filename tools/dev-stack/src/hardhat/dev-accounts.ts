import { toHex, type Hex } from 'viem';
import { mnemonicToAccount } from 'viem/accounts';

/** Hardhat's well-known development mnemonic (public: never use these keys on a real network). */
export const DEV_MNEMONIC = 'test test test test test test test test test test test junk';

/** How many accounts the dev node funds (must match tools/dev-stack/hardhat.config.js). */
export const DEV_ACCOUNT_COUNT = 20;

let cached: Hex[] | undefined;

/**
 * Private keys of the funded dev accounts, in Hardhat's order (derived once per process, ~0.5 s).
 * @example const [deployerKey, aliceKey] = devAccountKeys();
 */
export function devAccountKeys(): Hex[] {
  cached ??= Array.from({ length: DEV_ACCOUNT_COUNT }, (_, addressIndex) => {
    const privateKey = mnemonicToAccount(DEV_MNEMONIC, { addressIndex }).getHdKey().privateKey;
    if (!privateKey) throw new Error(`Could not derive dev account #${addressIndex}`);
    return toHex(privateKey);
  });
  return [...cached];
}
