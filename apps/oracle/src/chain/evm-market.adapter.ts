import { opinionMarketAbi } from '@convergence/contracts';
import { encodeFunctionData, formatEther, type Hex } from 'viem';
import type { MarketChainStatus } from '../markets/market.entity';
import type { MarketContracts } from './contracts-file';
import type { EvmClients } from './evm-clients';
import type {
  ChainMarketState,
  MarketChainAdapter,
  PreparedCall,
  SettlementCallName,
} from './market-chain.adapter';
import { toOnchainSentiment } from './onchain-sentiment.util';
import type { TransactionTracker } from './transaction-tracker';

/** OpinionMarket.MarketStatus, by enum index (0 = None: no such market). */
export const MARKET_STATUSES: Array<MarketChainStatus | undefined> = [
  undefined,
  'open',
  'closed',
  'randomness_requested',
  'randomness_fulfilled',
  'settled',
];

/** Thrown when the chain does not know the market (MarketStatus.None). */
export class UnknownMarketError extends Error {
  override readonly name = 'UnknownMarketError';
  readonly retryable = false;
}

/**
 * OpinionMarket on an EVM chain through viem. Sends are serialised: one signer, one nonce sequence, so
 * the next transaction is signed only after the node has accepted the previous one.
 */
export class EvmMarketAdapter implements MarketChainAdapter {
  readonly chainId: number;
  readonly chainName: string;
  readonly signer: string;
  private sending: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly clients: EvmClients,
    private readonly contracts: MarketContracts,
    private readonly transactions: TransactionTracker,
  ) {
    this.chainId = contracts.chainId;
    this.chainName = transactions.chain;
    this.signer = clients.walletClient.account.address;
  }

  async signerBalance(): Promise<number> {
    const wei = await this.clients.publicClient.getBalance({
      address: this.clients.walletClient.account.address,
    });
    return Number(formatEther(wei));
  }

  oldestPendingTransactionAgeSeconds(): number {
    return this.transactions.oldestPendingAgeSeconds();
  }

  async chainTime(): Promise<Date> {
    const block = await this.clients.publicClient.getBlock({ blockTag: 'latest' });
    return new Date(Number(block.timestamp) * 1_000);
  }

  async readMarket(marketId: string): Promise<ChainMarketState> {
    const market = await this.clients.publicClient.readContract({
      address: this.contracts.opinionMarket.address,
      abi: opinionMarketAbi,
      functionName: 'getMarket',
      args: [BigInt(marketId)],
    });
    const status = MARKET_STATUSES[market.status];
    if (!status) throw new UnknownMarketError(`market ${marketId} does not exist on chain ${this.chainId}`);
    return {
      status,
      closesAt: new Date(Number(market.closesAt) * 1_000),
      totalStaked: market.totalStaked,
      ...(market.sentimentRecorded
        ? { sentiment: { score: market.sentimentScore, confidence: market.sentimentConfidence } }
        : {}),
      ...(market.requestId > 0n ? { requestId: market.requestId.toString() } : {}),
      ...(status === 'settled' ? { winner: market.winner.toLowerCase() } : {}),
    };
  }

  prepare(
    name: SettlementCallName,
    marketId: string,
    args?: { score: number; confidence: number },
  ): PreparedCall {
    const id = BigInt(marketId);
    const to = this.contracts.opinionMarket.address;
    const call = (data: Hex, summary: string): PreparedCall => ({ name, to, data, value: '0', summary });
    switch (name) {
      case 'closeMarket':
        return call(
          encodeFunctionData({ abi: opinionMarketAbi, functionName: 'closeMarket', args: [id] }),
          `Close expired market ${marketId}`,
        );
      case 'recordSentiment': {
        if (!args) throw new Error('recordSentiment needs a score and confidence');
        const onchain = toOnchainSentiment(args);
        return call(
          encodeFunctionData({
            abi: opinionMarketAbi,
            functionName: 'recordSentiment',
            args: [id, onchain.score, onchain.confidence],
          }),
          `Record sentiment for market ${marketId}: score ${onchain.score}/100, confidence ${onchain.confidence}/100 (${args.confidence}/2)`,
        );
      }
      case 'requestRandomness':
        return call(
          encodeFunctionData({ abi: opinionMarketAbi, functionName: 'requestRandomness', args: [id] }),
          `Request VRF randomness for market ${marketId}'s lottery`,
        );
      case 'settleLottery':
        return call(
          encodeFunctionData({ abi: opinionMarketAbi, functionName: 'settleLottery', args: [id] }),
          `Settle market ${marketId}: pick the stake-weighted winner from the fulfilled random word`,
        );
    }
  }

  send(call: PreparedCall): Promise<string> {
    const broadcast = this.sending.then(() =>
      this.clients.walletClient.sendTransaction({
        to: call.to as Hex,
        data: call.data as Hex,
        value: BigInt(call.value),
      }),
    );
    this.sending = broadcast.catch(() => undefined);
    return broadcast.then(async (hash) => {
      const receipt = await this.transactions.track(
        hash,
        this.clients.publicClient.waitForTransactionReceipt({ hash, timeout: 120_000 }),
        (r) => (r.status === 'success' ? 'confirmed' : 'reverted'),
      );
      if (receipt.status !== 'success') throw new Error(`${call.name} transaction ${hash} reverted`);
      return hash;
    });
  }
}
