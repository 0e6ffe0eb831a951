import type { MarketChainStatus } from '../markets/market.entity';

/** The settlement transactions a market goes through, in order (closeMarket only for expired open markets). */
export type SettlementCallName = 'closeMarket' | 'recordSentiment' | 'requestRandomness' | 'settleLottery';

/** A market as its chain sees it now: what every settlement step checks before sending anything. */
export interface ChainMarketState {
  status: MarketChainStatus;
  closesAt: Date;
  totalStaked: bigint;
  sentiment?: { score: number; confidence: number };
  /** The VRF request currently awaited (RandomnessRequested and later). */
  requestId?: string;
  winner?: string;
}

/** One transaction, ready to send or to propose to a multisig. */
export interface PreparedCall {
  name: SettlementCallName;
  /** EVM: the contract address. Solana: the program id. */
  to: string;
  /** EVM: the calldata (0x hex). Solana: the instruction data (base64). */
  data: string;
  value: string;
  /** Solana only: the instruction's accounts, in order. */
  accounts?: Array<{ pubkey: string; isSigner: boolean; isWritable: boolean }>;
  /** What it does, for the humans signing a multisig proposal. */
  summary: string;
}

/**
 * What settlement needs from a chain that hosts opinion markets: `EvmMarketAdapter` (OpinionMarket
 * through viem) and `SolanaMarketAdapter` (the opinion_market Anchor program through web3.js).
 */
export interface MarketChainAdapter {
  /** The job key's chain id (EVM chain id; for Solana, SOLANA_CLUSTER_ID). */
  readonly chainId: number;
  /** The `chain` label of this chain's metrics (e.g. `ethereum`, `hardhat`, `solana-devnet`). */
  readonly chainName: string;
  /** The chain's own clock (closesAt is compared with the latest block's timestamp, not ours). */
  chainTime(): Promise<Date>;
  readMarket(marketId: string): Promise<ChainMarketState>;
  prepare(
    name: SettlementCallName,
    marketId: string,
    args?: { score: number; confidence: number },
  ): PreparedCall;
  /** Sends, waits for the receipt and throws if it reverted; returns the transaction hash. */
  send(call: PreparedCall): Promise<string>;
  /** The address that signs `send` (holder of ORACLE_ROLE). */
  readonly signer: string;
  /** The signer's balance in native tokens (ether, SOL): what pays for settlement. */
  signerBalance(): Promise<number>;
  /** Seconds the oldest transaction sent and not yet mined has waited (0 when none). */
  oldestPendingTransactionAgeSeconds(): number;
}

export const MARKET_CHAIN_ADAPTER = Symbol('oracle.market-chain-adapter');
