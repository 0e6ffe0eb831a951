import { base58 } from '../ledger/base58.util';
import { TOKEN_2022_PROGRAM_ID, TOKEN_PROGRAM_ID, uiAmountStringOf } from '../ledger/token-account.util';

const SYSTEM_PROGRAM_ID = '11111111111111111111111111111111';

/** A `jsonParsed` instruction for programs the shim parses, else undefined (the RPC then shows it raw). */
export type ParsedInstructionJson = {
  program: string;
  programId: string;
  parsed: { type: string; info: Record<string, unknown> };
};

/**
 * The subset of the validator's instruction parsers the shim implements: SPL Token (and Token-2022)
 * transfer, transferChecked, mintTo, burn, and the system transfer. Other instructions come back
 * unparsed, as the validator does for programs it has no parser for.
 */
export function parsedInstructionOf(
  programId: string,
  accounts: readonly string[],
  data: Uint8Array,
): ParsedInstructionJson | undefined {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const u64 = (offset: number) => (data.length >= offset + 8 ? view.getBigUint64(offset, true) : undefined);
  if (programId === SYSTEM_PROGRAM_ID && data.length === 12 && view.getUint32(0, true) === 2) {
    return parsed('system', programId, 'transfer', {
      source: accounts[0],
      destination: accounts[1],
      lamports: Number(u64(4)),
    });
  }
  if (programId !== TOKEN_PROGRAM_ID && programId !== TOKEN_2022_PROGRAM_ID) return undefined;
  const program = programId === TOKEN_PROGRAM_ID ? 'spl-token' : 'spl-token-2022';
  const amount = u64(1);
  switch (data[0]) {
    case 3:
      return parsed(program, programId, 'transfer', {
        source: accounts[0],
        destination: accounts[1],
        authority: accounts[2],
        amount: amount?.toString(),
      });
    case 12: {
      const decimals = data[9] ?? 0;
      return parsed(program, programId, 'transferChecked', {
        source: accounts[0],
        mint: accounts[1],
        destination: accounts[2],
        authority: accounts[3],
        tokenAmount: tokenAmountOf(amount ?? 0n, decimals),
      });
    }
    case 7:
      return parsed(program, programId, 'mintTo', {
        mint: accounts[0],
        account: accounts[1],
        mintAuthority: accounts[2],
        amount: amount?.toString(),
      });
    case 8:
      return parsed(program, programId, 'burn', {
        account: accounts[0],
        mint: accounts[1],
        authority: accounts[2],
        amount: amount?.toString(),
      });
    default:
      return undefined;
  }
}

/** The raw form of an instruction in `jsonParsed` encoding. */
export function unparsedInstructionOf(programId: string, accounts: readonly string[], data: Uint8Array) {
  return { programId, accounts: [...accounts], data: base58.encode(data) };
}

function parsed(program: string, programId: string, type: string, info: Record<string, unknown>) {
  return { program, programId, parsed: { type, info } };
}

function tokenAmountOf(amount: bigint, decimals: number) {
  const uiAmountString = uiAmountStringOf(amount, decimals);
  return { amount: amount.toString(), decimals, uiAmount: Number(uiAmountString), uiAmountString };
}
