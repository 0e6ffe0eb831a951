import {
  type Connection,
  type Keypair,
  LAMPORTS_PER_SOL,
  PublicKey,
  SendTransactionError,
  SYSVAR_CLOCK_PUBKEY,
  Transaction,
  TransactionInstruction,
} from '@solana/web3.js';
import { UnknownMarketError } from '../evm-market.adapter';
import type {
  ChainMarketState,
  MarketChainAdapter,
  PreparedCall,
  SettlementCallName,
} from '../market-chain.adapter';
import { toOnchainSentiment } from '../onchain-sentiment.util';
import type { TransactionTracker } from '../transaction-tracker';
import {
  chainStateOf,
  decodeMarketAccount,
  encodeSettlementInstruction,
  marketAddressOf,
  type SolanaMarket,
} from './solana-market.codec';

/** A settlement instruction the cluster refused or failed; `retryable` false when resending cannot help. */
export class SolanaSendError extends Error {
  override readonly name = 'SolanaSendError';

  constructor(
    message: string,
    readonly retryable: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export interface SolanaMarketAdapterOptions {
  connection: Connection;
  programId: PublicKey;
  signer: Keypair;
  /** The job key's chain id for this cluster (SOLANA_CLUSTER_ID). */
  clusterId: number;
  transactions: TransactionTracker;
  /** How long a sent transaction may take to reach `confirmed` before it counts as dropped. */
  confirmTimeoutMs: number;
  confirmPollMs: number;
}

// Errors that mean the program cannot run this instruction at all: resending cannot help.
const PERMANENT =
  /ProgramAccountNotFound|InvalidProgramForExecution|program that does not exist|AccountNotFound/;

/**
 * Opinion markets of the `opinion_market` Anchor program through @solana/web3.js: reads a Market
 * account (PDA by market id) decoded with the IDL, builds the settlement instructions with Anchor's
 * coder, signs them with the oracle keypair, and waits over plain JSON-RPC until `confirmed`.
 * VRF on Solana is an oracle program's account (Switchboard, ORAO); `request_randomness` here stands
 * for the program's CPI to it.
 */
export class SolanaMarketAdapter implements MarketChainAdapter {
  readonly chainId: number;
  readonly chainName: string;
  readonly signer: string;
  private readonly connection: Connection;
  private readonly programId: PublicKey;

  constructor(private readonly options: SolanaMarketAdapterOptions) {
    this.chainId = options.clusterId;
    this.chainName = options.transactions.chain;
    this.signer = options.signer.publicKey.toBase58();
    this.connection = options.connection;
    this.programId = options.programId;
  }

  /** The cluster's clock: the Clock sysvar's unix_timestamp (after slot, epoch start, epoch, leader epoch). */
  async chainTime(): Promise<Date> {
    const clock = await this.connection.getAccountInfo(SYSVAR_CLOCK_PUBKEY, 'confirmed');
    if (!clock || clock.data.length < 40) throw new Error('the Clock sysvar could not be read');
    return new Date(Number(clock.data.readBigInt64LE(32)) * 1_000);
  }

  /** The Market account's address (its PDA). */
  marketAddress(marketId: bigint): string {
    return marketAddressOf(this.programId, marketId).toBase58();
  }

  /** The decoded Market account, or UnknownMarketError when the program has none at the market's PDA. */
  async readMarketAccount(marketId: string): Promise<SolanaMarket> {
    const address = marketAddressOf(this.programId, BigInt(marketId));
    const account = await this.connection.getAccountInfo(address, 'confirmed');
    if (!account) {
      throw new UnknownMarketError(
        `market ${marketId} has no account (${address.toBase58()}) on Solana cluster ${this.chainId}`,
      );
    }
    if (!account.owner.equals(this.programId)) {
      throw new Error(
        `account ${address.toBase58()} of market ${marketId} is owned by ${account.owner.toBase58()}, not the program ${this.programId.toBase58()}`,
      );
    }
    return decodeMarketAccount(account.data);
  }

  async readMarket(marketId: string): Promise<ChainMarketState> {
    return chainStateOf(await this.readMarketAccount(marketId));
  }

  prepare(
    name: SettlementCallName,
    marketId: string,
    args?: { score: number; confidence: number },
  ): PreparedCall {
    if (name === 'recordSentiment' && !args) throw new Error('recordSentiment needs a score and confidence');
    const onchain = args ? toOnchainSentiment(args) : undefined;
    const market = marketAddressOf(this.programId, BigInt(marketId)).toBase58();
    const summaries: Record<SettlementCallName, string> = {
      closeMarket: `Close expired market ${marketId}`,
      recordSentiment: `Record sentiment for market ${marketId}: score ${onchain?.score}/100, confidence ${onchain?.confidence}/100`,
      requestRandomness: `Request VRF randomness for market ${marketId}'s lottery`,
      settleLottery: `Settle market ${marketId}: pick the stake-weighted winner from the randomness`,
    };
    return {
      name,
      to: this.programId.toBase58(),
      data: encodeSettlementInstruction(name, onchain).toString('base64'),
      value: '0',
      accounts: [
        { pubkey: market, isSigner: false, isWritable: true },
        { pubkey: this.signer, isSigner: true, isWritable: false },
      ],
      summary: summaries[name],
    };
  }

  /** Signs with the oracle keypair, sends, and waits for `confirmed`; throws SolanaSendError otherwise. */
  async send(call: PreparedCall): Promise<string> {
    const instruction = new TransactionInstruction({
      programId: new PublicKey(call.to),
      keys: (call.accounts ?? []).map((a) => ({ ...a, pubkey: new PublicKey(a.pubkey) })),
      data: Buffer.from(call.data, 'base64'),
    });
    const tx = new Transaction().add(instruction);
    const { blockhash } = await this.connection.getLatestBlockhash('confirmed');
    tx.recentBlockhash = blockhash;
    tx.feePayer = this.options.signer.publicKey;
    tx.sign(this.options.signer);
    let signature: string;
    try {
      signature = await this.connection.sendRawTransaction(tx.serialize(), {
        preflightCommitment: 'confirmed',
      });
    } catch (error) {
      const detail = error instanceof SendTransactionError ? error.message : String(error);
      const permanent = PERMANENT.test(detail);
      throw new SolanaSendError(
        `${call.name} to program ${call.to} was refused${permanent ? ' (is the program deployed?)' : ''}: ${detail.split('\n')[0]}`,
        !permanent,
        { cause: error },
      );
    }
    await this.options.transactions
      .track(signature, this.confirmation(signature), (err) => (err === null ? 'confirmed' : 'reverted'))
      .then((err) => {
        if (err !== null)
          throw new SolanaSendError(
            `${call.name} transaction ${signature} failed: ${JSON.stringify(err)}`,
            false,
          );
      });
    return signature;
  }

  async signerBalance(): Promise<number> {
    return (await this.connection.getBalance(this.options.signer.publicKey, 'confirmed')) / LAMPORTS_PER_SOL;
  }

  oldestPendingTransactionAgeSeconds(): number {
    return this.options.transactions.oldestPendingAgeSeconds();
  }

  /** Polls getSignatureStatuses (no websocket needed) until confirmed; resolves with the on-chain error or null. */
  private async confirmation(signature: string): Promise<unknown> {
    const deadline = Date.now() + this.options.confirmTimeoutMs;
    while (Date.now() < deadline) {
      const { value } = await this.connection.getSignatureStatuses([signature]);
      const status = value[0];
      if (status && (status.confirmationStatus === 'confirmed' || status.confirmationStatus === 'finalized'))
        return status.err;
      await new Promise((resolve) => setTimeout(resolve, this.options.confirmPollMs));
    }
    throw new SolanaSendError(
      `transaction ${signature} not confirmed within ${this.options.confirmTimeoutMs} ms`,
      true,
    );
  }
}
