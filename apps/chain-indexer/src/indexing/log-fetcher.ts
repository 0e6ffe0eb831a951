import type { Logger } from 'pino';
import { numberToHex, type Address } from 'viem';
import { batchAddresses } from '../ranges/address-batch.util';
import { type BlockRange, blockCountOf } from '../ranges/block-range.model';
import { initialRangeSize, nextRangeSize, type RangeSize } from '../ranges/range-size.util';
import { splitRangeOnError } from '../ranges/range-split.util';
import type { EndpointPool } from '../rpc/endpoint-pool';
import { concurrencyLimit } from './concurrency-limit.util';
import type { RpcLog } from './rpc-types.model';

export interface LogFetcherOptions {
  readonly concurrency: number;
  readonly maxAddressesPerCall: number;
}

/** Thrown when no endpoint returns a range the indexer cannot split any further: indexing on would lose logs. */
export class UnfetchableRangeError extends Error {
  constructor(
    readonly range: BlockRange,
    options: { cause: unknown },
  ) {
    super(`no endpoint returns the logs of block ${range.from} even alone`, options);
    this.name = 'UnfetchableRangeError';
  }
}

/**
 * `eth_getLogs` for a chain's watched addresses: ranges sized adaptively (`nextRangeSize`), split on
 * the providers' range/size refusals (`splitRangeOnError`), addresses in batches, at most
 * `concurrency` calls in flight. A single block refused with too many addresses is retried with
 * fewer; a single block refused for one address is asked of every other endpoint before giving up.
 */
export class LogFetcher {
  private size: RangeSize = initialRangeSize();
  private readonly limit: <T>(task: () => Promise<T>) => Promise<T>;

  constructor(
    private readonly pool: EndpointPool,
    private readonly options: LogFetcherOptions,
    private readonly logger: Logger,
  ) {
    this.limit = concurrencyLimit(options.concurrency);
  }

  /** The range size the next plan should use. */
  get rangeBlocks(): bigint {
    return this.size.blocks;
  }

  /** Every log of `addresses` in `range`, in no particular order. */
  async fetch(range: BlockRange, addresses: readonly Address[], signal: AbortSignal): Promise<RpcLog[]> {
    const batches = batchAddresses(addresses, this.options.maxAddressesPerCall);
    const parts = await Promise.all(batches.map((batch) => this.fetchRange(range, batch, signal)));
    return parts.flat();
  }

  private async fetchRange(
    range: BlockRange,
    addresses: readonly Address[],
    signal: AbortSignal,
  ): Promise<RpcLog[]> {
    const started = performance.now();
    const params = [
      { fromBlock: numberToHex(range.from), toBlock: numberToHex(range.to), address: addresses },
    ];
    try {
      const logs = await this.limit(() => this.pool.request<RpcLog[]>('eth_getLogs', params, signal));
      const durationMs = performance.now() - started;
      this.size = nextRangeSize(this.size, {
        kind: 'ok',
        blocks: blockCountOf(range),
        logs: logs.length,
        durationMs,
      });
      return logs;
    } catch (error) {
      const split = splitRangeOnError(range, error);
      switch (split.kind) {
        case 'not-a-range-error':
          throw error;
        case 'split': {
          this.size = nextRangeSize(this.size, {
            kind: 'too-large',
            blocks: blockCountOf(range),
            ...(split.maxBlocks === undefined ? {} : { maxBlocks: split.maxBlocks }),
            ...(split.suggestedBlocks === undefined ? {} : { suggestedBlocks: split.suggestedBlocks }),
          });
          this.logger.debug({ range: rangeText(range), reason: split.reason }, 'eth_getLogs range split');
          const [first, second] = split.ranges;
          const parts = await Promise.all([
            this.fetchRange(first, addresses, signal),
            this.fetchRange(second, addresses, signal),
          ]);
          return parts.flat();
        }
        case 'unsplittable':
          return this.fetchSingleBlock(range, addresses, error, signal);
      }
    }
  }

  private async fetchSingleBlock(
    range: BlockRange,
    addresses: readonly Address[],
    error: unknown,
    signal: AbortSignal,
  ): Promise<RpcLog[]> {
    if (addresses.length > 1) {
      const half = Math.ceil(addresses.length / 2);
      const parts = await Promise.all([
        this.fetchRange(range, addresses.slice(0, half), signal),
        this.fetchRange(range, addresses.slice(half), signal),
      ]);
      return parts.flat();
    }
    const refusedBy = this.pool.currentUrl;
    this.logger.warn(
      { block: range.from.toString(), endpoint: refusedBy },
      'single block refused, asking other endpoints',
    );
    const params = [
      { fromBlock: numberToHex(range.from), toBlock: numberToHex(range.to), address: addresses },
    ];
    try {
      return await this.pool.requestElsewhere<RpcLog[]>('eth_getLogs', params, refusedBy, signal);
    } catch (cause) {
      throw new UnfetchableRangeError(range, { cause: cause ?? error });
    }
  }
}

function rangeText(range: BlockRange): string {
  return `${range.from}-${range.to}`;
}
