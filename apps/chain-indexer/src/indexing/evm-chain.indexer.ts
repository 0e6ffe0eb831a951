import type { Logger } from 'pino';
import { type Hex, numberToHex } from 'viem';
import type { ChainConfig } from '../chains/chain-config.model';
import type { CheckpointStore } from '../checkpoints/checkpoint.store';
import type { EvmLogData } from '../decoding/evm-log-data.util';
import type { ChainIndexerMetrics } from '../metrics/chain-indexer.metrics';
import type { IndexerAlert } from '../publishing/alert.publisher';
import { type BlockRange } from '../ranges/block-range.model';
import { planRanges } from '../ranges/range-plan.util';
import { type BlockRef, blockRefOf, isSameHash } from '../reorgs/chain-block.model';
import { findCommonAncestor } from '../reorgs/common-ancestor.util';
import { confirmedUpTo, isConfirmed, isDeeperThanFinality } from '../reorgs/finality.util';
import { DEFAULT_FINALITY_MARGIN, RecentBlocks } from '../reorgs/recent-blocks.window';
import { type ResolvedReorg, reorgAbove } from '../reorgs/reorg-detection.util';
import { type EvmReorgData, evmReorgEventData } from '../reorgs/reorg-event.util';
import type { Clock } from '../rpc-health/endpoint-health.model';
import { abortableDelay } from '../rpc/abortable-delay.util';
import type { EndpointPool } from '../rpc/endpoint-pool';
import { addressesActiveBy, type ChainSources, sourcesOf } from './chain-sources.util';
import { ChainIndexingError } from './chain-indexing.error';
import { logBatchOf } from './log-batch.util';
import { LogFetcher } from './log-fetcher';
import { publishPartsOf } from './publish-parts.util';
import { type BlockHeader, blockHeaderOf, type RpcBlockHeader } from './rpc-types.model';
import { TopicOrderGuard } from './topic-order.guard';

export interface EvmChainIndexerDeps {
  readonly chain: ChainConfig;
  readonly pool: EndpointPool;
  readonly store: CheckpointStore;
  readonly logs: { publish(logs: EvmLogData[]): Promise<void> };
  readonly reorgs: { publish(reorg: EvmReorgData, at: Date): Promise<void> };
  readonly alerts: { publish(alert: IndexerAlert): Promise<void> };
  readonly metrics?: ChainIndexerMetrics;
  readonly logger: Logger;
  readonly clock: Clock;
  readonly options: EvmChainIndexerOptions;
}

export interface EvmChainIndexerOptions {
  readonly pollIntervalMs: number;
  readonly concurrency: number;
  readonly maxAddressesPerCall: number;
  /**
   * Backfill: at most this many logs per publish-and-commit step (cut at block boundaries), so what
   * is built for Kafka at once stays bounded however many logs a range held; default 5,000.
   */
  readonly maxBatchLogs?: number;
  /** Called after Kafka acknowledged a batch and before its checkpoint commit (crash tests). */
  readonly afterPublish?: () => void;
}

export type ChainState = 'starting' | 'backfilling' | 'following' | 'halted' | 'stopped';

/** What the admin API and alerts read about a chain. */
export interface ChainProgressView {
  readonly state: ChainState;
  readonly head: bigint | undefined;
  /** The highest block whose logs are on Kafka with the checkpoint committed. */
  readonly indexedBlock: bigint | undefined;
  readonly indexedBlockTime: Date | undefined;
  readonly lastProgressAt: Date | undefined;
  readonly halted: { readonly reason: string; readonly at: Date } | undefined;
}

// Headers per batched eth_getBlockByNumber request; near the head, blocks per step.
const HEADERS_PER_REQUEST = 200;
const MAX_NEAR_HEAD_BLOCKS = 100n;
const ERROR_BACKOFF_MS = 1_000;
const DEFAULT_MAX_BATCH_LOGS = 5_000;

/**
 * One EVM chain's indexing loop. Backfill: blocks at least `finalityDepth` deep are fetched in
 * adaptive `eth_getLogs` ranges, several in flight, the next batch fetched while the last one is
 * published. Near the head the same loop fetches every header first, links it to the recent blocks
 * (a parent-hash break is a reorg: publish chain.evm.reorg.v1, rewind, re-index) and checks each
 * log's block hash against them. Either way the checkpoint moves only after Kafka acknowledged.
 */
export class EvmChainIndexer {
  private readonly sources: ChainSources;
  private readonly fetcher: LogFetcher;
  private readonly order = new TopicOrderGuard();
  private window: RecentBlocks;
  private nextBlock = 0n;
  private state: ChainState = 'stopped';
  private head: { number: bigint; servedBy: string } | undefined;
  private indexedBlockTime: Date | undefined;
  private lastProgressAt: Date | undefined;
  private halted: ChainProgressView['halted'];
  private abort = new AbortController();
  private running: Promise<void> | undefined;

  constructor(private readonly deps: EvmChainIndexerDeps) {
    this.sources = sourcesOf(deps.chain);
    this.window = RecentBlocks.forFinality(deps.chain.finalityDepth);
    this.fetcher = new LogFetcher(deps.pool, deps.options, deps.logger);
  }

  get chainId(): number {
    return this.deps.chain.chainId;
  }

  progress(): ChainProgressView {
    return {
      state: this.state,
      head: this.head?.number,
      indexedBlock: this.state === 'starting' || this.nextBlock === 0n ? undefined : this.nextBlock - 1n,
      indexedBlockTime: this.indexedBlockTime,
      lastProgressAt: this.lastProgressAt,
      halted: this.halted,
    };
  }

  start(): void {
    if (this.running) return;
    this.abort = new AbortController();
    this.state = 'starting';
    this.running = this.run(this.abort.signal).finally(() => (this.running = undefined));
  }

  async stop(): Promise<void> {
    this.abort.abort(new Error('chain indexer stopped'));
    await this.running;
    if (this.state !== 'halted') this.state = 'stopped';
  }

  /** Stops the loop, moves the checkpoint to `fromBlock` (clearing a halt) and starts again. */
  async reindexFrom(fromBlock: bigint): Promise<void> {
    await this.stop();
    await this.deps.store.reset(this.chainId, fromBlock);
    this.halted = undefined;
    this.start();
  }

  private async run(signal: AbortSignal): Promise<void> {
    const { logger } = this.deps;
    try {
      // Every endpoint must serve this chain: a misconfigured one is marked down before any log is read.
      await this.deps.pool.checkChainIds();
      await this.restore();
      if (this.halted) {
        this.state = 'halted';
        logger.error({ chainId: this.chainId, halted: this.halted }, 'chain is halted; re-index to resume');
        return;
      }
      while (!signal.aborted) {
        try {
          const progressed = await this.step(signal);
          if (!progressed) await abortableDelay(this.deps.options.pollIntervalMs, signal);
        } catch (error) {
          if (signal.aborted) break;
          if (error instanceof ChainIndexingError && error.code === 'halted') return;
          if (error instanceof ChainIndexingError && error.code === 'chain-moved') {
            logger.info({ chainId: this.chainId, err: error }, 'chain moved while fetching; fetching again');
            continue;
          }
          logger.error({ chainId: this.chainId, err: error }, 'indexing step failed; retrying');
          await abortableDelay(ERROR_BACKOFF_MS, signal).catch(() => undefined);
        }
      }
    } catch (error) {
      if (!signal.aborted) logger.fatal({ chainId: this.chainId, err: error }, 'chain indexer crashed');
    }
  }

  private async restore(): Promise<void> {
    const saved = await this.deps.store.load(this.chainId);
    this.nextBlock = saved.nextBlock ?? this.sources.firstBlock;
    this.window = RecentBlocks.forFinality(
      this.deps.chain.finalityDepth,
      DEFAULT_FINALITY_MARGIN,
      saved.recentBlocks,
    );
    this.halted = saved.halted;
    this.deps.metrics?.halted.set({ chain_id: this.chainId }, this.halted ? 1 : 0);
  }

  /** One move of the loop; false when there was nothing new to index. */
  private async step(signal: AbortSignal): Promise<boolean> {
    const { chain } = this.deps;
    const headNumber = BigInt(await this.deps.pool.request<Hex>('eth_blockNumber', [], signal));
    const servedBy = this.deps.pool.currentUrl;
    const previous = this.head;
    this.head = { number: headNumber, servedBy };
    this.recordLag();
    const target = confirmedUpTo(headNumber, chain.confirmations);
    const known = this.window.head();
    if (target === undefined) return false;
    if (known && target < known.number) {
      // Fewer blocks than we indexed: dropped blocks if the same endpoint showed us more, else a lagging backup.
      if (previous && previous.servedBy === servedBy && previous.number > headNumber) {
        return this.followHeadBackwards(target, signal);
      }
      return false;
    }
    if (this.nextBlock > target) return false;
    const finalUpTo = headNumber - BigInt(chain.finalityDepth);
    if (this.nextBlock <= finalUpTo) {
      this.state = 'backfilling';
      await this.backfill(finalUpTo < target ? finalUpTo : target, headNumber, signal);
    } else {
      this.state = 'following';
      const end = this.nextBlock + MAX_NEAR_HEAD_BLOCKS - 1n;
      await this.followHead({ from: this.nextBlock, to: end < target ? end : target }, headNumber, signal);
    }
    return true;
  }

  /**
   * Final blocks up to `to`: batches of ranges fetched concurrently, the next batch in flight while
   * the current one is published and committed in parts of at most `maxBatchLogs` logs (cut at block
   * boundaries). At most one batch is fetched ahead, and each batch must link to the one before it.
   */
  private async backfill(to: bigint, head: bigint, signal: AbortSignal): Promise<void> {
    const maxLogs = this.deps.options.maxBatchLogs ?? DEFAULT_MAX_BATCH_LOGS;
    let linked: BlockHeaderBlock | undefined = this.window.head();
    let pending: Promise<FetchedBatch> | undefined = this.fetchBatch(this.nextBlock, to, head, signal);
    try {
      while (pending) {
        const batch: FetchedBatch = await pending;
        // Final blocks do not reorg; if they did (a deep reorg), the ancestor search halts the chain.
        if (
          linked &&
          linked.number === batch.range.from - 1n &&
          !isSameHash(batch.first.parentHash, linked.hash)
        ) {
          pending = undefined;
          await this.handleReorg(signal);
          return;
        }
        const from: bigint = batch.range.to + 1n;
        pending = from <= to && !signal.aborted ? this.fetchBatch(from, to, head, signal) : undefined;
        for (const part of publishPartsOf(batch.logs, batch.range, maxLogs)) {
          const last = part.range.to === batch.range.to ? batch.last : batch.headers.get(part.range.to)!;
          await this.publishAndCommit(part.logs, part.range, [blockOf(last)], true);
          this.indexedBlockTime = new Date(Number(last.timestamp) * 1_000);
        }
        linked = blockOf(batch.last);
      }
    } finally {
      pending?.catch(() => undefined);
    }
  }

  private async fetchBatch(
    from: bigint,
    to: bigint,
    head: bigint,
    signal: AbortSignal,
  ): Promise<FetchedBatch> {
    const size = this.fetcher.rangeBlocks;
    const ranges = planRanges(from, to, size).slice(0, this.deps.options.concurrency);
    const range = { from, to: ranges.at(-1)!.to };
    const addresses = addressesActiveBy(this.sources, range.to);
    const parts = await Promise.all(ranges.map((r) => this.fetcher.fetch(r, addresses, signal)));
    const rpcLogs = parts.flat();
    const numbers = new Set(rpcLogs.map((log) => BigInt(log.blockNumber)));
    numbers.add(range.from).add(range.to);
    const headers = await this.headersOf([...numbers], signal);
    const logs = this.decode(rpcLogs, headers, head);
    return { range, logs, headers, first: headers.get(range.from)!, last: headers.get(range.to)! };
  }

  /** Blocks near the head: headers first, linked to the recent blocks, then logs checked against them. */
  private async followHead(range: BlockRange, head: bigint, signal: AbortSignal): Promise<void> {
    const numbers: bigint[] = [];
    for (let n = range.from; n <= range.to; n++) numbers.push(n);
    const headers = await this.headersOf(numbers, signal);
    const blocks = numbers.map((n) => headers.get(n)!);
    const linked = this.window.head();
    if (linked && linked.number === range.from - 1n && !isSameHash(blocks[0]!.parentHash, linked.hash)) {
      await this.handleReorg(signal);
      return;
    }
    for (let i = 1; i < blocks.length; i++) {
      if (!isSameHash(blocks[i]!.parentHash, blocks[i - 1]!.hash)) {
        throw new ChainIndexingError(
          'chain-moved',
          `block ${blocks[i]!.number} does not link to the block fetched before it`,
        );
      }
    }
    const rpcLogs = await this.fetcher.fetch(range, addressesActiveBy(this.sources, range.to), signal);
    const logs = this.decode(rpcLogs, headers, head);
    await this.publishAndCommit(logs, range, blocks.map(blockOf), false);
    this.indexedBlockTime = new Date(Number(blocks.at(-1)!.timestamp) * 1_000);
  }

  /** The node's head is below our indexed head and its endpoint showed us more before: blocks were dropped. */
  private async followHeadBackwards(target: bigint, signal: AbortSignal): Promise<boolean> {
    const canonical = await this.headersOf([target], signal);
    const atTarget = this.window.at(target);
    if (atTarget && isSameHash(atTarget.hash, canonical.get(target)!.hash)) {
      await this.applyReorg(reorgAbove(this.window, atTarget), blockRefOf(canonical.get(target)!));
      return true;
    }
    await this.handleReorg(signal);
    return true;
  }

  private async handleReorg(signal: AbortSignal): Promise<void> {
    const search = await findCommonAncestor(this.window, async (n) => {
      const header = await this.deps.pool.request<RpcBlockHeader | null>(
        'eth_getBlockByNumber',
        [numberToHex(n), false],
        signal,
      );
      return header?.hash;
    });
    if (search.kind === 'no-divergence') return;
    const latest = blockHeaderOf(
      await this.deps.pool.request<RpcBlockHeader | null>('eth_getBlockByNumber', ['latest', false], signal),
    );
    if (search.kind === 'beyond-window') {
      return this.halt(
        `no block of the last ${this.window.size} indexed is canonical any more (checked down to ${search.checkedDownTo})`,
        latest,
      );
    }
    await this.applyReorg(search, blockRefOf(latest));
  }

  private async applyReorg(reorg: ResolvedReorg, newHead: BlockRef): Promise<void> {
    const { chain, logger } = this.deps;
    if (isDeeperThanFinality(reorg.depth, chain.finalityDepth)) {
      return this.halt(
        `reorg of ${reorg.depth} blocks above ${reorg.commonAncestor.number} is deeper than the finality depth ${chain.finalityDepth}`,
        newHead,
      );
    }
    await this.order.before('reorg');
    await this.deps.reorgs.publish(evmReorgEventData(this.chainId, reorg, newHead), this.deps.clock());
    this.order.after('reorg');
    await this.deps.store.rewind(this.chainId, reorg.commonAncestor.number);
    this.window.rewindTo(reorg.commonAncestor.number);
    this.nextBlock = reorg.commonAncestor.number + 1n;
    this.deps.metrics?.reorgDepth.observe({ chain_id: this.chainId }, reorg.depth);
    logger.warn(
      {
        chainId: this.chainId,
        depth: reorg.depth,
        commonAncestor: reorg.commonAncestor.number.toString(),
        newHead: newHead.number.toString(),
      },
      'reorg followed',
    );
  }

  private async halt(reason: string, newHead: BlockRef): Promise<never> {
    const { chain, logger } = this.deps;
    const at = this.deps.clock();
    await this.deps.store.halt(this.chainId, reason, this.nextBlock);
    this.halted = { reason, at };
    this.state = 'halted';
    this.deps.metrics?.halted.set({ chain_id: this.chainId }, 1);
    logger.fatal({ chainId: this.chainId, reason, newHead: newHead.number.toString() }, 'chain halted');
    await this.deps.alerts.publish({
      name: 'ChainIndexerDeepReorg',
      severity: 'critical',
      chainId: this.chainId,
      chain: chain.name,
      summary: `${chain.name}: reorg deeper than finality, indexing stopped`,
      description: `${reason}. New head ${newHead.number} (${newHead.hash}). Consumers may hold orphaned data; re-index from a block known good (POST /chains/${this.chainId}/reindex).`,
      startsAt: at,
    });
    throw new ChainIndexingError('halted', reason);
  }

  private async publishAndCommit(
    logs: EvmLogData[],
    range: BlockRange,
    blocks: BlockHeaderBlock[],
    final: boolean,
  ): Promise<void> {
    if (logs.length > 0) {
      await this.order.before('logs');
      await this.deps.logs.publish(logs);
      this.order.after('logs');
      this.deps.options.afterPublish?.();
    }
    const nextBlock = range.to + 1n;
    if (final)
      this.window = RecentBlocks.forFinality(this.deps.chain.finalityDepth, DEFAULT_FINALITY_MARGIN, blocks);
    else for (const block of blocks) this.window.add(block);
    const oldest = this.window.oldest()?.number ?? nextBlock;
    await this.deps.store.commit(this.chainId, nextBlock, blocks, oldest, final);
    this.nextBlock = nextBlock;
    this.lastProgressAt = this.deps.clock();
    this.deps.metrics?.logsPublished.inc({ chain_id: this.chainId }, logs.length);
    this.deps.metrics?.indexedBlock.set({ chain_id: this.chainId }, Number(range.to));
    this.recordLag();
  }

  private decode(rpcLogs: Parameters<typeof logBatchOf>[0], headers: Map<bigint, BlockHeader>, head: bigint) {
    const finality = this.deps.chain.finalityDepth + 1;
    const batch = logBatchOf(rpcLogs, {
      chainId: this.chainId,
      abisByAddress: this.sources.abisByAddress,
      startBlockByAddress: this.sources.startBlockByAddress,
      headersByNumber: headers,
      isConfirmed: (n) => isConfirmed(n, head, finality),
    });
    if (batch.kind === 'chain-moved') {
      throw new ChainIndexingError(
        'chain-moved',
        `log of block ${batch.blockNumber} is in ${batch.logHash}, its header says ${batch.headerHash}`,
      );
    }
    for (const [reason, count] of batch.undecodable) {
      this.deps.metrics?.undecodableLogs.inc({ chain_id: this.chainId, reason }, count);
    }
    return batch.logs;
  }

  private async headersOf(
    numbers: readonly bigint[],
    signal: AbortSignal,
  ): Promise<Map<bigint, BlockHeader>> {
    const sorted = [...numbers].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const headers = new Map<bigint, BlockHeader>();
    for (let i = 0; i < sorted.length; i += HEADERS_PER_REQUEST) {
      const chunk = sorted.slice(i, i + HEADERS_PER_REQUEST);
      const raw = await this.deps.pool.batch<RpcBlockHeader | null>(
        chunk.map((n) => ({ method: 'eth_getBlockByNumber', params: [numberToHex(n), false] })),
        signal,
      );
      raw.forEach((header, j) => {
        // A block the node no longer has: the head moved back while we were fetching.
        if (!header)
          throw new ChainIndexingError('chain-moved', `the node has no block ${chunk[j]} any more`);
        headers.set(chunk[j]!, blockHeaderOf(header));
      });
    }
    return headers;
  }

  private recordLag(): void {
    const metrics = this.deps.metrics;
    if (!metrics || !this.head) return;
    const labels = { chain_id: this.chainId };
    const indexed = this.nextBlock - 1n;
    metrics.headBlock.set(labels, Number(this.head.number));
    const lag = this.head.number > indexed ? this.head.number - indexed : 0n;
    metrics.headLagBlocks.set(labels, Number(lag));
    const lagSeconds =
      lag === 0n || !this.indexedBlockTime
        ? 0
        : (this.deps.clock().getTime() - this.indexedBlockTime.getTime()) / 1_000;
    metrics.headLagSeconds.set(labels, Math.max(0, lagSeconds));
  }
}

type BlockHeaderBlock = { number: bigint; hash: Hex; parentHash: Hex };

/** Consecutive ranges fetched together: their decoded logs in chain order and the headers fetched for them. */
interface FetchedBatch {
  readonly range: BlockRange;
  readonly logs: EvmLogData[];
  /** Headers of the first and last block and of every block with logs. */
  readonly headers: ReadonlyMap<bigint, BlockHeader>;
  readonly first: BlockHeader;
  readonly last: BlockHeader;
}

function blockOf(header: BlockHeader): BlockHeaderBlock {
  return { number: header.number, hash: header.hash, parentHash: header.parentHash };
}
