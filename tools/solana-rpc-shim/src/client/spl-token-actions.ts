import {
  ASSOCIATED_TOKEN_PROGRAM_ID,
  MINT_SIZE,
  TOKEN_PROGRAM_ID,
  createAssociatedTokenAccountInstruction,
  createInitializeMint2Instruction,
  createMintToInstruction,
  createRecoverNestedInstruction,
  createTransferCheckedInstruction,
  createTransferInstruction,
  getAssociatedTokenAddressSync,
} from '@solana/spl-token';
import { type Connection, Keypair, type PublicKey, SystemProgram, Transaction } from '@solana/web3.js';
import { sendAndConfirm } from './send-and-confirm';

/**
 * Real SPL Token actions sent through any RPC endpoint (the shim in tests): each builds the
 * instructions with @solana/spl-token, signs with web3.js and waits for confirmation, returning the
 * signature. The token program executing them is the one litesvm ships.
 */
export class SplTokenActions {
  constructor(
    private readonly connection: Connection,
    readonly payer: Keypair,
  ) {}

  async createMint(decimals: number): Promise<PublicKey> {
    const mint = Keypair.generate();
    const lamports = await this.connection.getMinimumBalanceForRentExemption(MINT_SIZE);
    await sendAndConfirm(
      this.connection,
      new Transaction().add(
        SystemProgram.createAccount({
          fromPubkey: this.payer.publicKey,
          newAccountPubkey: mint.publicKey,
          lamports,
          space: MINT_SIZE,
          programId: TOKEN_PROGRAM_ID,
        }),
        createInitializeMint2Instruction(mint.publicKey, decimals, this.payer.publicKey, null),
      ),
      this.payer,
      mint,
    );
    return mint.publicKey;
  }

  /** Creates the associated token account of `owner` (which may itself be a token account: nested). */
  async createAssociatedAccount(mint: PublicKey, owner: PublicKey): Promise<PublicKey> {
    const account = getAssociatedTokenAddressSync(mint, owner, true);
    await sendAndConfirm(
      this.connection,
      new Transaction().add(
        createAssociatedTokenAccountInstruction(this.payer.publicKey, account, owner, mint),
      ),
      this.payer,
    );
    return account;
  }

  mintTo(mint: PublicKey, account: PublicKey, amount: bigint): Promise<string> {
    return sendAndConfirm(
      this.connection,
      new Transaction().add(createMintToInstruction(mint, account, this.payer.publicKey, amount)),
      this.payer,
    );
  }

  transfer(source: PublicKey, destination: PublicKey, owner: Keypair, amount: bigint): Promise<string> {
    return sendAndConfirm(
      this.connection,
      new Transaction().add(createTransferInstruction(source, destination, owner.publicKey, amount)),
      this.payer,
      owner,
    );
  }

  transferChecked(
    source: PublicKey,
    mint: PublicKey,
    destination: PublicKey,
    owner: Keypair,
    amount: bigint,
    decimals: number,
  ): Promise<string> {
    return sendAndConfirm(
      this.connection,
      new Transaction().add(
        createTransferCheckedInstruction(source, mint, destination, owner.publicKey, amount, decimals),
      ),
      this.payer,
      owner,
    );
  }

  /**
   * The associated-token program's RecoverNested: moves every token of `owner`'s nested account
   * (the ATA of `mint` owned by `owner`'s own ATA of `mint`) back to that ATA through a CPI
   * `transferChecked` — a real inner transfer.
   */
  recoverNested(mint: PublicKey, owner: Keypair): Promise<string> {
    const ownerAccount = getAssociatedTokenAddressSync(mint, owner.publicKey);
    const nested = getAssociatedTokenAddressSync(mint, ownerAccount, true);
    return sendAndConfirm(
      this.connection,
      new Transaction().add(
        createRecoverNestedInstruction(
          nested,
          mint,
          ownerAccount,
          ownerAccount,
          mint,
          owner.publicKey,
          TOKEN_PROGRAM_ID,
          ASSOCIATED_TOKEN_PROGRAM_ID,
        ),
      ),
      this.payer,
      owner,
    );
  }
}
