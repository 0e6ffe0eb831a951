import { CliError } from '../cli.exception';
import type { GatewayClient } from '../gateway/gateway.client';
import { type ReindexProgress, reindexProgress } from './reindex-progress.util';

/** What a re-index run needs besides the gateway: time is injected so tests do not sleep. */
export interface ReindexRunOptions {
  chainId: number;
  fromBlock: bigint;
  pollIntervalMs: number;
  timeoutMs: number;
  sleep: (ms: number) => Promise<void>;
  now: () => number;
  /** Called after every poll with where the re-index stands. */
  onProgress: (progress: ReindexProgress & { target: bigint; indexedBlock: bigint | null }) => void;
}

/**
 * Asks the indexer to re-index `chainId` from `fromBlock`, then polls the chain's status until the
 * indexed block reaches the head the chain had when the re-index started (as the gateway recorded it). Fails when the chain
 * halts, when its head is unknown, or after `timeoutMs`.
 */
export async function runReindex(
  client: Pick<GatewayClient, 'chainStatus' | 'reindex'>,
  options: ReindexRunOptions,
): Promise<bigint> {
  const before = await client.chainStatus(options.chainId);
  if (before.head === null) {
    throw new CliError('failed', `chain ${options.chainId} has no known head yet (its RPC may be down)`);
  }
  if (options.fromBlock > before.head) {
    throw new CliError(
      'config',
      `--from ${options.fromBlock} is past chain ${options.chainId}'s head ${before.head}`,
    );
  }
  // The gateway records the head when it accepts the request; before its answer, the head we saw.
  const target = (await client.reindex(options.chainId, options.fromBlock)) ?? before.head;
  const deadline = options.now() + options.timeoutMs;
  for (;;) {
    const status = await client.chainStatus(options.chainId);
    const progress = reindexProgress(options.fromBlock, target, status.indexedBlock);
    options.onProgress({ ...progress, target, indexedBlock: status.indexedBlock });
    if (progress.complete) return target;
    if (status.halted) {
      throw new CliError(
        'failed',
        `chain ${options.chainId} halted during the re-index: ${status.halted.reason}`,
      );
    }
    if (options.now() >= deadline) {
      throw new CliError(
        'failed',
        `re-index of chain ${options.chainId} not done after ${options.timeoutMs / 1000} s: indexed ${status.indexedBlock ?? 'nothing'} of ${target} (it goes on in the indexer)`,
      );
    }
    await options.sleep(options.pollIntervalMs);
  }
}
