import { type BN, BorshCoder, type Idl } from '@coral-xyz/anchor';
import { PublicKey } from '@solana/web3.js';
import type { ChainMarketState, SettlementCallName } from '../market-chain.adapter';
import type { MarketChainStatus } from '../../markets/market.entity';
import { opinionMarketIdl } from '@convergence/contracts';

/** The Anchor coder of the opinion_market program (accounts and instructions, from its IDL). */
export const opinionMarketCoder = new BorshCoder(opinionMarketIdl as unknown as Idl);

type StatusVariant = (typeof opinionMarketIdl.types)[0]['type']['variants'][number]['name'];

const STATUS_OF: Record<StatusVariant, MarketChainStatus> = {
  Open: 'open',
  Closed: 'closed',
  RandomnessRequested: 'randomness_requested',
  RandomnessFulfilled: 'randomness_fulfilled',
  Settled: 'settled',
};

/** A stake inside a Market account. */
export interface SolanaStake {
  staker: string;
  amount: bigint;
  /** 0x-prefixed hex, as the EVM contract's opinion hashes (keccak256 of the text). */
  opinionHash: string;
}

/** A Market account, decoded. */
export interface SolanaMarket {
  marketId: bigint;
  creator: string;
  statement: string;
  closesAt: Date;
  status: MarketChainStatus;
  totalStaked: bigint;
  sentiment?: { score: number; confidence: number };
  requestId?: string;
  winner?: string;
  stakes: SolanaStake[];
}

/** The Market account's address: PDA `["market", market_id as u64 little-endian]` of the program. */
export function marketAddressOf(programId: PublicKey, marketId: bigint): PublicKey {
  const id = Buffer.alloc(8);
  id.writeBigUInt64LE(marketId);
  return PublicKey.findProgramAddressSync([Buffer.from('market'), id], programId)[0];
}

interface RawMarket {
  market_id: BN;
  creator: PublicKey;
  statement: string;
  closes_at: BN;
  status: Partial<Record<StatusVariant, object>>;
  total_staked: BN;
  sentiment_recorded: boolean;
  sentiment_score: number;
  sentiment_confidence: number;
  request_id: BN;
  winner: PublicKey;
  stakes: Array<{ staker: PublicKey; amount: BN; opinion_hash: number[] }>;
}

/** Decodes a Market account's data (checks its discriminator); throws naming what is wrong. */
export function decodeMarketAccount(data: Buffer): SolanaMarket {
  const raw = opinionMarketCoder.accounts.decode<RawMarket>('Market', data);
  const variant = Object.keys(raw.status)[0] as StatusVariant | undefined;
  const status = variant ? STATUS_OF[variant] : undefined;
  if (!status) throw new Error(`Market account has an unknown status ${JSON.stringify(raw.status)}`);
  const bigint = (n: BN) => BigInt(n.toString());
  return {
    marketId: bigint(raw.market_id),
    creator: raw.creator.toBase58(),
    statement: raw.statement,
    closesAt: new Date(Number(bigint(raw.closes_at)) * 1_000),
    status,
    totalStaked: bigint(raw.total_staked),
    ...(raw.sentiment_recorded
      ? { sentiment: { score: raw.sentiment_score, confidence: raw.sentiment_confidence } }
      : {}),
    ...(!raw.request_id.isZero() ? { requestId: raw.request_id.toString() } : {}),
    ...(status === 'settled' ? { winner: raw.winner.toBase58() } : {}),
    stakes: raw.stakes.map((s) => ({
      staker: s.staker.toBase58(),
      amount: bigint(s.amount),
      opinionHash: `0x${Buffer.from(s.opinion_hash).toString('hex')}`,
    })),
  };
}

/** What settlement reads of a market (the same shape the EVM adapter returns). */
export function chainStateOf(market: SolanaMarket): ChainMarketState {
  return {
    status: market.status,
    closesAt: market.closesAt,
    totalStaked: market.totalStaked,
    ...(market.sentiment ? { sentiment: market.sentiment } : {}),
    ...(market.requestId ? { requestId: market.requestId } : {}),
    ...(market.winner ? { winner: market.winner } : {}),
  };
}

const INSTRUCTION_OF: Record<SettlementCallName, (typeof opinionMarketIdl.instructions)[number]['name']> = {
  closeMarket: 'close_market',
  recordSentiment: 'record_sentiment',
  requestRandomness: 'request_randomness',
  settleLottery: 'settle',
};

/** The instruction data of a settlement call, Anchor-encoded (8-byte discriminator + Borsh args). */
export function encodeSettlementInstruction(
  name: SettlementCallName,
  args?: { score: number; confidence: number },
): Buffer {
  return opinionMarketCoder.instruction.encode(
    INSTRUCTION_OF[name],
    name === 'recordSentiment' ? { score: args!.score, confidence: args!.confidence } : {},
  );
}
