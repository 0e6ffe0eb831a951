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
  to: string;
  data: string;
  value: string;
  /** What it does, for the humans signing a multisig proposal. */
  summary: string;
}

/**
 * What settlement needs from a chain that hosts opinion markets. EVM (viem) implements it; a Solana
 * program would implement the same calls as instructions (see README: not implemented).
 */
export interface MarketChainAdapter {
  readonly chainId: number;
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
}

export const MARKET_CHAIN_ADAPTER = Symbol('oracle.market-chain-adapter');
