import type { SolanaProgramConfig } from '../config/solana-program.model';
import type { SignatureInfo, SignatureWalkBounds } from '../signatures/signature-walk.util';
import type { SolanaCheckpoint } from './solana-checkpoint.model';

/**
 * Where a program's walk starts: after its checkpoint when it has one (or from the slot an operator
 * asked to re-index from), else after the configured start signature or from the start slot. A checkpoint always wins over the configuration, so a
 * restart resumes exactly where Kafka last acknowledged.
 *
 * @example
 * walkBoundsOf(undefined, { startSlot: 1200n, startSignature: undefined, … }, 1000) // { until: undefined, minSlot: 1200n, pageSize: 1000 }
 */
export function walkBoundsOf(
  checkpoint: SolanaCheckpoint | undefined,
  program: Pick<SolanaProgramConfig, 'startSignature' | 'startSlot'>,
  pageSize: number,
): SignatureWalkBounds {
  if (checkpoint?.lastSignature !== undefined) {
    return { until: checkpoint.lastSignature, minSlot: checkpoint.lastSlot ?? 0n, pageSize };
  }
  // A checkpoint without a signature is a re-index from a slot.
  if (checkpoint?.lastSlot !== undefined) return { until: undefined, minSlot: checkpoint.lastSlot, pageSize };
  return { until: program.startSignature, minSlot: program.startSlot, pageSize };
}

/**
 * The checkpoint to commit once Kafka acknowledged a batch (oldest-first signatures). Mid-walk the
 * indexed slot is the one before the batch's last slot, since more signatures of that slot may
 * follow in the next batch; after the walk's last batch it is the head read before the walk began
 * (every signature up to it was in the walk). An empty walk moves only the indexed slot.
 *
 * @example
 * checkpointAfter(previous, batch, { head: 5000n, walkDone: true }) // { lastSignature: batch.at(-1).signature, …, indexedSlot: 5000n }
 */
export function checkpointAfter(
  previous: SolanaCheckpoint | undefined,
  batch: readonly SignatureInfo[],
  progress: { head: bigint; walkDone: boolean },
): SolanaCheckpoint {
  const last = batch[batch.length - 1];
  const lastSignature = last?.signature ?? previous?.lastSignature;
  const lastSlot = last?.slot ?? previous?.lastSlot;
  const reached = progress.walkDone ? maxOf(progress.head, lastSlot) : last ? last.slot - 1n : undefined;
  return { lastSignature, lastSlot, indexedSlot: maxOf(reached, previous?.indexedSlot) };
}

/** Head minus indexed slot, never negative; the whole head when nothing is indexed yet. */
export function lagSlotsOf(head: bigint, indexedSlot: bigint | undefined): bigint {
  const lag = head - (indexedSlot ?? 0n);
  return lag > 0n ? lag : 0n;
}

function maxOf(a: bigint | undefined, b: bigint | undefined): bigint | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return a > b ? a : b;
}
