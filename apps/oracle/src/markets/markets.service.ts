import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { opinionMarketAbi } from '@convergence/contracts';
import { parseEventLogs, type Hex } from 'viem';
import type { DataSource } from 'typeorm';
import { EVM_CLIENTS, EVM_TRANSACTIONS, MARKET_CONTRACTS } from '../chain/chain.tokens';
import type { MarketContracts } from '../chain/contracts-file';
import type { EvmClients } from '../chain/evm-clients';
import type { TransactionTracker } from '../chain/transaction-tracker';
import { CLOCK, type Clock } from '../config/clock';
import type { SentimentRequest } from '../llm/sentiment.model';
import { MarketError } from './market-error';
import { MarketEntity, type MarketChainStatus } from './market.entity';
import { OpinionEntity } from './opinion.entity';
import { isOpinionSignedBy, opinionHashOf } from './opinion-signature.util';

/** A market as the API shows it: chain projection plus settlement progress. */
export interface MarketView {
  id: string;
  chainId: number;
  marketId: string;
  contract: string;
  creator: string;
  statement: string;
  closesAt: string;
  status: MarketChainStatus;
  totalStaked: string;
  winner: string | null;
  stakes: number;
  opinions: number;
  settlement: {
    state: string;
    attempt: number;
    failureReason: string | null;
    settledAt: string | null;
  } | null;
  sentiment: { score: number; confidence: number; summary: string; source: string } | null;
}

const ANALYSIS_DONE = new Set([
  'sentiment_recorded',
  'randomness_requested',
  'randomness_fulfilled',
  'settled',
  'failed',
]);

/** Markets and opinions: reads for the API, creation on chain, signed opinion texts, analysis input. */
@Injectable()
export class MarketsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(EVM_CLIENTS) private readonly clients: EvmClients,
    @Inject(MARKET_CONTRACTS) private readonly contracts: MarketContracts,
    @Inject(EVM_TRANSACTIONS) private readonly transactions: TransactionTracker,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** `5` → the configured chain's market 5; `31337:5` → chain 31337's. */
  parseId(id: string): { chainId: number; marketId: string } {
    const [a, b] = id.split(':');
    return b === undefined
      ? { chainId: this.contracts.chainId, marketId: a! }
      : { chainId: Number(a), marketId: b };
  }

  async list(filter: { status?: MarketChainStatus; limit: number }): Promise<MarketView[]> {
    return this.views(
      filter.status ? 'm.status = $1' : 'TRUE',
      filter.status ? [filter.status] : [],
      filter.limit,
    );
  }

  async get(id: string): Promise<MarketView> {
    const { chainId, marketId } = this.parseId(id);
    const [view] = await this.views('m.chain_id = $1 AND m.market_id = $2', [chainId, marketId], 1);
    if (!view) throw new MarketError('market_not_found', `market ${chainId}:${marketId} is not known (yet)`);
    return view;
  }

  private async views(where: string, params: unknown[], limit: number): Promise<MarketView[]> {
    const rows = (await this.dataSource.query(
      `SELECT m.*, j.state, j.attempt, j.failure_reason, j.settled_at, j.analysis,
              (SELECT count(*)::int FROM stakes s WHERE s.chain_id = m.chain_id AND s.market_id = m.market_id) AS stake_count,
              (SELECT count(*)::int FROM opinions o WHERE o.chain_id = m.chain_id AND o.market_id = m.market_id) AS opinion_count
         FROM markets m LEFT JOIN settlement_jobs j ON j.chain_id = m.chain_id AND j.market_id = m.market_id
        WHERE ${where} ORDER BY m.chain_id, m.market_id::numeric DESC LIMIT ${Number(limit)}`,
      params,
    )) as Array<Record<string, unknown>>;
    return rows.map((r) => {
      const analysis = r['analysis'] as {
        score: number;
        confidence: number;
        summary: string;
        source: string;
      } | null;
      return {
        id: `${r['chain_id']}:${r['market_id']}`,
        chainId: Number(r['chain_id']),
        marketId: String(r['market_id']),
        contract: String(r['contract']),
        creator: String(r['creator']),
        statement: String(r['statement']),
        closesAt: (r['closes_at'] as Date).toISOString(),
        status: r['status'] as MarketChainStatus,
        totalStaked: String(r['total_staked']),
        winner: (r['winner'] as string | null) ?? null,
        stakes: Number(r['stake_count']),
        opinions: Number(r['opinion_count']),
        settlement: r['state']
          ? {
              state: String(r['state']),
              attempt: Number(r['attempt']),
              failureReason: (r['failure_reason'] as string | null) ?? null,
              settledAt: r['settled_at'] ? (r['settled_at'] as Date).toISOString() : null,
            }
          : null,
        sentiment: analysis
          ? {
              score: analysis.score,
              confidence: analysis.confidence,
              summary: analysis.summary,
              source: analysis.source,
            }
          : null,
      };
    });
  }

  /** Sends createMarket from the oracle's account and records the market from the receipt's event. */
  async create(input: { statement: string; closesAt: Date }): Promise<MarketView> {
    const chainNow = await this.clients.publicClient.getBlock({ blockTag: 'latest' });
    if (input.closesAt.getTime() <= Number(chainNow.timestamp) * 1_000) {
      throw new MarketError(
        'bad_request',
        `closesAt ${input.closesAt.toISOString()} is not in the future on chain`,
      );
    }
    const hash = await this.clients.walletClient.writeContract({
      address: this.contracts.opinionMarket.address,
      abi: opinionMarketAbi,
      functionName: 'createMarket',
      args: [input.statement, BigInt(Math.floor(input.closesAt.getTime() / 1_000))],
    });
    const receipt = await this.transactions.track(
      hash,
      this.clients.publicClient.waitForTransactionReceipt({ hash }),
      (r) => (r.status === 'success' ? 'confirmed' : 'reverted'),
    );
    if (receipt.status !== 'success') throw new Error(`createMarket transaction ${hash} reverted`);
    const [event] = parseEventLogs({ abi: opinionMarketAbi, eventName: 'MarketCreated', logs: receipt.logs });
    if (!event) throw new Error(`createMarket transaction ${hash} emitted no MarketCreated`);
    const marketId = event.args.marketId.toString();
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(MarketEntity)
      .values({
        chainId: this.contracts.chainId,
        marketId,
        contract: this.contracts.opinionMarket.address.toLowerCase(),
        creator: event.args.creator.toLowerCase(),
        statement: event.args.statement,
        closesAt: new Date(Number(event.args.closesAt) * 1_000),
        status: 'open',
        totalStaked: '0',
        winner: null,
        createdBlock: receipt.blockNumber.toString(),
        lastBlock: receipt.blockNumber.toString(),
        updatedAt: this.clock(),
      })
      .orIgnore()
      .execute();
    return this.get(`${this.contracts.chainId}:${marketId}`);
  }

  /**
   * Stores an opinion text whose keccak256 the staker signed (EIP-191 over the raw hash). Only texts
   * whose hash matches one of the staker's stakes are read by the analysis; `matchedStake` says
   * whether that stake has been seen yet.
   */
  async submitOpinion(
    id: string,
    input: { staker: Hex; text: string; signature: Hex },
  ): Promise<{ opinionHash: Hex; matchedStake: boolean }> {
    const market = await this.get(id);
    if (market.settlement && ANALYSIS_DONE.has(market.settlement.state)) {
      throw new MarketError(
        'analysis_started',
        `market ${market.id} is already analysed (${market.settlement.state})`,
      );
    }
    const opinionHash = opinionHashOf(input.text);
    if (!(await isOpinionSignedBy(input.staker, opinionHash, input.signature))) {
      throw new MarketError(
        'bad_signature',
        `signature is not ${input.staker}'s signature over opinion hash ${opinionHash}`,
      );
    }
    const staker = input.staker.toLowerCase();
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(OpinionEntity)
      .values({
        chainId: market.chainId,
        marketId: market.marketId,
        staker,
        opinionHash,
        text: input.text,
        signature: input.signature,
        submittedAt: this.clock(),
      })
      .orIgnore()
      .execute();
    const [match] = (await this.dataSource.query(
      `SELECT 1 FROM stakes WHERE chain_id = $1 AND market_id = $2 AND staker = $3 AND opinion_hash = $4 LIMIT 1`,
      [market.chainId, market.marketId, staker, opinionHash],
    )) as unknown[];
    return { opinionHash, matchedStake: match !== undefined };
  }

  /** The analysis input: every stake whose opinion text is known, stakes summed per staker and opinion. */
  async sentimentRequest(
    chainId: number,
    marketId: string,
  ): Promise<SentimentRequest & { stakesWithoutText: number }> {
    const market = await this.dataSource.getRepository(MarketEntity).findOneBy({ chainId, marketId });
    if (!market) throw new MarketError('market_not_found', `market ${chainId}:${marketId} is not known`);
    const rows = (await this.dataSource.query(
      `SELECT s.staker, s.opinion_hash, sum(s.amount)::text AS stake, min(o.text) AS text
         FROM stakes s LEFT JOIN opinions o
           ON o.chain_id = s.chain_id AND o.market_id = s.market_id AND o.staker = s.staker AND o.opinion_hash = s.opinion_hash
        WHERE s.chain_id = $1 AND s.market_id = $2
        GROUP BY s.staker, s.opinion_hash`,
      [chainId, marketId],
    )) as Array<{ staker: string; stake: string; text: string | null }>;
    const withText = rows.filter((r): r is typeof r & { text: string } => r.text !== null);
    return {
      statement: market.statement,
      opinions: withText.map((r) => ({ staker: r.staker, stake: r.stake, text: r.text })),
      stakesWithoutText: rows.length - withText.length,
    };
  }

  /** A wallet's stakes per market, with the outcome where settled. */
  async portfolio(wallet: string): Promise<{
    wallet: string;
    totalStaked: string;
    markets: Array<{
      id: string;
      statement: string;
      status: string;
      staked: string;
      opinions: string[];
      won: boolean | null;
      prize: string | null;
    }>;
  }> {
    const staker = wallet.toLowerCase();
    const rows = (await this.dataSource.query(
      `SELECT m.chain_id, m.market_id, m.statement, m.status, m.winner, m.total_staked, sum(s.amount)::text AS staked,
              array_remove(array_agg(DISTINCT o.text), NULL) AS opinions
         FROM stakes s JOIN markets m ON m.chain_id = s.chain_id AND m.market_id = s.market_id
         LEFT JOIN opinions o ON o.chain_id = s.chain_id AND o.market_id = s.market_id AND o.staker = s.staker AND o.opinion_hash = s.opinion_hash
        WHERE s.staker = $1
        GROUP BY m.chain_id, m.market_id, m.statement, m.status, m.winner, m.total_staked
        ORDER BY m.chain_id, m.market_id::numeric DESC`,
      [staker],
    )) as Array<{
      chain_id: number;
      market_id: string;
      statement: string;
      status: string;
      winner: string | null;
      total_staked: string;
      staked: string;
      opinions: string[];
    }>;
    const markets = rows.map((r) => ({
      id: `${r.chain_id}:${r.market_id}`,
      statement: r.statement,
      status: r.status,
      staked: r.staked,
      opinions: r.opinions,
      won: r.status === 'settled' ? r.winner === staker : null,
      prize: r.status === 'settled' && r.winner === staker ? r.total_staked : null,
    }));
    const total = markets.reduce((acc, m) => acc + BigInt(m.staked), 0n);
    return { wallet: staker, totalStaked: total.toString(), markets };
  }
}
