import type { TokenBalance, VersionedTransactionResponse } from '@solana/web3.js';
import { utils } from '@coral-xyz/anchor';
import type { InstructionView, SolanaTxView, TokenBalanceView } from './solana-tx-view.model';

/**
 * The decoder's view of a `getTransaction` answer (json encoding, maxSupportedTransactionVersion 0):
 * resolves account indexes through the static keys and the loaded lookup-table addresses, and
 * indexes token balances by account so transfers can name mints and owners.
 *
 * @example
 * const view = solanaTxViewOf(await connection.getTransaction(sig, { maxSupportedTransactionVersion: 0 }));
 */
export function solanaTxViewOf(response: VersionedTransactionResponse): SolanaTxView {
  const message = response.transaction.message;
  const loaded = response.meta?.loadedAddresses;
  const keys = [
    ...message.staticAccountKeys.map((k) => k.toBase58()),
    ...(loaded?.writable ?? []).map((k) => k.toBase58()),
    ...(loaded?.readonly ?? []).map((k) => k.toBase58()),
  ];
  const keyAt = (i: number) => {
    const key = keys[i];
    if (key === undefined) throw new RangeError(`account index ${i} outside the ${keys.length} keys`);
    return key;
  };
  const instructions: InstructionView[] = message.compiledInstructions.map((ix) => ({
    programId: keyAt(ix.programIdIndex),
    accounts: ix.accountKeyIndexes.map(keyAt),
    data: ix.data,
  }));
  const innerInstructions = new Map<number, InstructionView[]>();
  for (const entry of response.meta?.innerInstructions ?? []) {
    innerInstructions.set(
      entry.index,
      entry.instructions.map((ix) => ({
        programId: keyAt(ix.programIdIndex),
        accounts: ix.accounts.map(keyAt),
        data: utils.bytes.bs58.decode(ix.data),
      })),
    );
  }
  const tokenAccounts = new Map<string, TokenBalanceView>();
  const addBalances = (balances: TokenBalance[] | null | undefined) => {
    for (const b of balances ?? []) {
      tokenAccounts.set(keyAt(b.accountIndex), {
        account: keyAt(b.accountIndex),
        mint: b.mint,
        owner: b.owner,
        decimals: b.uiTokenAmount.decimals,
      });
    }
  };
  addBalances(response.meta?.preTokenBalances);
  addBalances(response.meta?.postTokenBalances); // post wins: the owner may have changed in the transaction
  return {
    signature: response.transaction.signatures[0] ?? '',
    slot: BigInt(response.slot),
    blockTime:
      response.blockTime === null || response.blockTime === undefined
        ? null
        : new Date(response.blockTime * 1_000),
    failed: response.meta?.err !== null && response.meta?.err !== undefined,
    instructions,
    innerInstructions,
    logMessages: response.meta?.logMessages ?? [],
    tokenAccounts,
  };
}
