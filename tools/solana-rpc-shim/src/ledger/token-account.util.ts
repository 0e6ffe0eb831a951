import type { TokenBalance } from './ledger.types';

export const TOKEN_PROGRAM_ID = 'TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA';
export const TOKEN_2022_PROGRAM_ID = 'TokenzQdBNbLqP5VEhdkAS6EPFLC1PHnBqCXEpPxuEb';

const ACCOUNT_LEN = 165;
const MINT_DECIMALS_OFFSET = 44;
// Token-2022 accounts with extensions are longer; byte 165 then says which kind (1 mint, 2 account).
const ACCOUNT_TYPE_OFFSET = 165;

/** The fields of an SPL token account the RPC's token balances report. */
export interface TokenAccountFields {
  readonly mint: Uint8Array;
  readonly owner: Uint8Array;
  readonly amount: bigint;
}

/**
 * An initialized SPL Token / Token-2022 account's mint, owner and amount from its data, or undefined
 * when the data is not one (a mint, an uninitialized account, another program's account).
 */
export function tokenAccountFieldsOf(programId: string, data: Uint8Array): TokenAccountFields | undefined {
  if (programId !== TOKEN_PROGRAM_ID && programId !== TOKEN_2022_PROGRAM_ID) return undefined;
  if (data.length < ACCOUNT_LEN) return undefined;
  if (data.length > ACCOUNT_LEN && data[ACCOUNT_TYPE_OFFSET] !== 2) return undefined;
  if (data[108] === 0) return undefined; // AccountState::Uninitialized
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  return { mint: data.slice(0, 32), owner: data.slice(32, 64), amount: view.getBigUint64(64, true) };
}

/** A mint's decimals from its data (the same offset in SPL Token and Token-2022). */
export function mintDecimalsOf(data: Uint8Array): number | undefined {
  return data.length > MINT_DECIMALS_OFFSET ? data[MINT_DECIMALS_OFFSET] : undefined;
}

/** A token balance entry as RPC nodes render it, with `uiAmountString` exact (no float rounding). */
export function tokenBalanceOf(
  accountIndex: number,
  fields: { mint: string; owner: string; programId: string; amount: bigint },
  decimals: number,
): TokenBalance {
  const uiAmountString = uiAmountStringOf(fields.amount, decimals);
  return {
    accountIndex,
    mint: fields.mint,
    owner: fields.owner,
    programId: fields.programId,
    uiTokenAmount: {
      amount: fields.amount.toString(),
      decimals,
      uiAmount: fields.amount === 0n ? null : Number(uiAmountString),
      uiAmountString,
    },
  };
}

/** `1234567n, 6` → `"1.234567"`; trailing zeros dropped like the validator does. */
export function uiAmountStringOf(amount: bigint, decimals: number): string {
  if (decimals === 0) return amount.toString();
  const digits = amount.toString().padStart(decimals + 1, '0');
  const whole = digits.slice(0, -decimals);
  const fraction = digits.slice(-decimals).replace(/0+$/, '');
  return fraction === '' ? whole : `${whole}.${fraction}`;
}
