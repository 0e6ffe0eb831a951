import type { JsonValue } from '@convergence/schemas';
import type { InstructionView, SolanaTxView } from './solana-tx-view.model';
import type { SolanaEventPosition } from './solana-event-id.util';

export const TOKEN_PROGRAM_ID = 'TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA';
export const TOKEN_2022_PROGRAM_ID = 'TokenzQdBNbLqP5VEhdkAS6EPFLC1PHnBqCXEpPxuEb';

// SPL Token instruction tags (the first data byte); Token-2022 keeps the same ones.
const TRANSFER = 3;
const TRANSFER_CHECKED = 12;

/** A decoded SPL Token transfer, with where it sits in the transaction. */
export interface SplTransfer {
  readonly position: SolanaEventPosition;
  readonly programId: string;
  readonly name: 'transfer' | 'transferChecked';
  readonly args: Record<string, JsonValue>;
}

/**
 * Every SPL Token / Token-2022 `transfer` and `transferChecked` of a transaction, top-level and
 * inner (CPI) alike, in execution order. Amounts are decimal strings (u64); mint, decimals and the
 * owners of both token accounts come from the transaction's token balances, so a plain `transfer`
 * (which names no mint) still says which token moved. Failed transactions moved nothing: none.
 *
 * @example
 * decodeSplTransfers(view) // [{ name: 'transfer', args: { amount: '250000', mint: '…', sourceOwner: '…', … } }]
 */
export function decodeSplTransfers(tx: SolanaTxView): SplTransfer[] {
  if (tx.failed) return [];
  const transfers: SplTransfer[] = [];
  tx.instructions.forEach((ix, instructionIndex) => {
    const top = splTransferOf(tx, ix, { instructionIndex });
    if (top) transfers.push(top);
    (tx.innerInstructions.get(instructionIndex) ?? []).forEach((inner, innerIndex) => {
      const transfer = splTransferOf(tx, inner, { instructionIndex, innerIndex });
      if (transfer) transfers.push(transfer);
    });
  });
  return transfers;
}

function splTransferOf(
  tx: SolanaTxView,
  ix: InstructionView,
  position: SolanaEventPosition,
): SplTransfer | undefined {
  if (ix.programId !== TOKEN_PROGRAM_ID && ix.programId !== TOKEN_2022_PROGRAM_ID) return undefined;
  const tag = ix.data[0];
  if (tag === TRANSFER && ix.data.length >= 9 && ix.accounts.length >= 3) {
    const [source, destination, authority] = ix.accounts as [string, string, string];
    const balance = tx.tokenAccounts.get(source) ?? tx.tokenAccounts.get(destination);
    return {
      position,
      programId: ix.programId,
      name: 'transfer',
      args: {
        source,
        destination,
        authority,
        amount: u64Of(ix.data, 1).toString(),
        mint: balance?.mint ?? null,
        decimals: balance?.decimals ?? null,
        sourceOwner: tx.tokenAccounts.get(source)?.owner ?? null,
        destinationOwner: tx.tokenAccounts.get(destination)?.owner ?? null,
      },
    };
  }
  if (tag === TRANSFER_CHECKED && ix.data.length >= 10 && ix.accounts.length >= 4) {
    const [source, mint, destination, authority] = ix.accounts as [string, string, string, string];
    return {
      position,
      programId: ix.programId,
      name: 'transferChecked',
      args: {
        source,
        destination,
        authority,
        amount: u64Of(ix.data, 1).toString(),
        mint,
        decimals: ix.data[9] ?? null,
        sourceOwner: tx.tokenAccounts.get(source)?.owner ?? null,
        destinationOwner: tx.tokenAccounts.get(destination)?.owner ?? null,
      },
    };
  }
  return undefined;
}

function u64Of(data: Uint8Array, offset: number): bigint {
  return new DataView(data.buffer, data.byteOffset, data.byteLength).getBigUint64(offset, true);
}
