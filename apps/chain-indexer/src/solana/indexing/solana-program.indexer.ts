import { PublicKey, type VersionedTransactionResponse } from '@solana/web3.js';
import type { Logger } from 'pino';
import { concurrencyLimit } from '../../indexing/concurrency-limit.util';
import type { Clock } from '../../rpc-health/endpoint-health.model';
import { abortableDelay } from '../../rpc/abortable-delay.util';
import type { SolanaCheckpoint } from '../checkpoint/solana-checkpoint.model';
import type { SolanaCheckpointStore } from '../checkpoint/solana-checkpoint.store';
import { checkpointAfter, lagSlotsOf, walkBoundsOf } from '../checkpoint/solana-checkpoint.util';
import type { SolanaProgramConfig } from '../config/solana-program.model';
import type { AnchorEventDecoder } from '../decoding/anchor-event.decoder';
import { solanaTxEventsOf, type SolanaTxEvent } from '../decoding/solana-tx-events.util';
import { solanaTxViewOf } from '../decoding/solana-tx-view.util';
import type { SolanaRpcPool } from '../rpc/solana-rpc.pool';
import type { SolanaMetrics } from '../solana.metrics';
import { collectNewSignatures, type SignatureInfo } from '../signatures/signature-walk.util';

export interface SolanaProgramIndexerDeps {
  readonly cluster: string;
  readonly program: SolanaProgramConfig;
  readonly anchor: AnchorEventDecoder | undefined;
  readonly pool: SolanaRpcPool;
  readonly store: SolanaCheckpointStore;
  readonly publish: (events: readonly SolanaTxEvent[]) => Promise<void>;
  readonly metrics: SolanaMetrics | undefined;
  readonly logger: Logger;
  readonly clock: Clock;
  readonly options: {
    readonly pollIntervalMs: number;
    readonly pageSize: number;
    readonly batchSize: number;
    readonly txConcurrency: number;
    /** Called after Kafka acknowledged a batch and before its checkpoint commit (crash tests). */
    readonly afterPublish?: () => void;
  };
}

/** What status and alerts read about a program. */
export interface SolanaProgramProgressView {
  readonly head: bigint | undefined;
  readonly checkpoint: SolanaCheckpoint | undefined;
  readonly lagSlots: bigint | undefined;
  readonly lastProgressAt: Date | undefined;
  readonly lastError: string | undefined;
}

const ERROR_BACKOFF_MS = 1_000;

/**
 * One watched program's loop: read the head slot, collect the signatures newer than the checkpoint
 * (paged, oldest first), fetch their transactions with bounded concurrency, decode SPL transfers and
 * Anchor events, publish them, and only once Kafka acknowledged commit the checkpoint — batch by
 * batch, so a restart resumes after the last acknowledged batch and repeats at most one (same ids).
 */
export class SolanaProgramIndexer {
  private checkpoint: SolanaCheckpoint | undefined;
  private loaded = false;
  private head: bigint | undefined;
  private lastProgressAt: Date | undefined;
  private lastError: string | undefined;
  private controller: AbortController | undefined;
  private running: Promise<void> | undefined;

  constructor(private readonly deps: SolanaProgramIndexerDeps) {}

  start(): void {
    if (this.running) return;
    const controller = new AbortController();
    this.controller = controller;
    this.running = this.run(controller.signal);
  }

  async stop(): Promise<void> {
    this.controller?.abort(new Error('indexer stopping'));
    await this.running;
    this.running = undefined;
  }

  progress(): SolanaProgramProgressView {
    return {
      head: this.head,
      checkpoint: this.checkpoint,
      lagSlots: this.head === undefined ? undefined : lagSlotsOf(this.head, this.checkpoint?.indexedSlot),
      lastProgressAt: this.lastProgressAt,
      lastError: this.lastError,
    };
  }

  /** Starts again from `fromSlot`, or from the configured start; events come again with the same ids. */
  async reindex(fromSlot: bigint | undefined): Promise<void> {
    await this.stop();
    await this.deps.store.reindex(this.deps.cluster, this.deps.program, fromSlot);
    this.checkpoint = undefined;
    this.loaded = false;
    this.start();
  }

  private async run(signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      let pause = this.deps.options.pollIntervalMs;
      try {
        await this.pollOnce(signal);
        this.lastError = undefined;
      } catch (error) {
        if (signal.aborted) break;
        this.lastError = error instanceof Error ? error.message : String(error);
        this.deps.logger.warn({ err: error, program: this.deps.program.name }, 'solana poll failed');
        pause = ERROR_BACKOFF_MS;
      }
      await abortableDelay(pause, signal).catch(() => undefined);
    }
  }

  /** One pass: everything new up to the head read at its start. */
  private async pollOnce(signal: AbortSignal): Promise<void> {
    const { cluster, program, pool, options } = this.deps;
    if (!this.loaded) {
      this.checkpoint = await this.deps.store.load(cluster, program.programId);
      this.loaded = true;
    }
    const head = BigInt(await pool.call('getSlot', (c) => c.getSlot(program.commitment), signal));
    this.head = head;
    this.deps.metrics?.headSlot.set({ cluster, commitment: program.commitment }, Number(head));
    const address = new PublicKey(program.programId);
    const signatures = await collectNewSignatures(
      async ({ before, until, limit }) =>
        (
          await pool.call(
            'getSignaturesForAddress',
            (c) => c.getSignaturesForAddress(address, { before, until, limit }, program.commitment),
            signal,
          )
        ).map((s) => ({ signature: s.signature, slot: BigInt(s.slot), failed: s.err !== null })),
      walkBoundsOf(this.checkpoint, program, options.pageSize),
    );
    if (signatures.length === 0) {
      await this.commit(checkpointAfter(this.checkpoint, [], { head, walkDone: true }));
      return;
    }
    for (let start = 0; start < signatures.length; start += options.batchSize) {
      const batch = signatures.slice(start, start + options.batchSize);
      const events = await this.eventsOf(batch, signal);
      await this.deps.publish(events);
      options.afterPublish?.();
      await this.commit(
        checkpointAfter(this.checkpoint, batch, {
          head,
          walkDone: start + options.batchSize >= signatures.length,
        }),
      );
      this.deps.metrics?.transactions.inc({ cluster, program: program.name }, batch.length);
      for (const event of events) {
        this.deps.metrics?.events.inc({ cluster, program: program.name, kind: event.data.kind });
      }
      this.deps.logger.info(
        {
          program: program.name,
          signatures: batch.length,
          events: events.length,
          lastSlot: batch.at(-1)?.slot.toString(),
        },
        'solana batch indexed',
      );
    }
  }

  private async eventsOf(batch: readonly SignatureInfo[], signal: AbortSignal): Promise<SolanaTxEvent[]> {
    const { cluster, program, pool, options, anchor } = this.deps;
    const limit = concurrencyLimit(options.txConcurrency);
    const responses = await Promise.all(
      batch.map((info) =>
        info.failed
          ? Promise.resolve(undefined)
          : limit(() =>
              pool.call(
                'getTransaction',
                (c) =>
                  c.getTransaction(info.signature, {
                    commitment: program.commitment,
                    maxSupportedTransactionVersion: 0,
                  }),
                signal,
              ),
            ).then((response) => requireTransaction(response, info, program.commitment)),
      ),
    );
    const events: SolanaTxEvent[] = [];
    for (const response of responses) {
      if (!response) continue;
      const result = solanaTxEventsOf(solanaTxViewOf(response), {
        cluster,
        commitment: program.commitment,
        anchor,
      });
      if (result.undecodable > 0) {
        this.deps.metrics?.undecodable.inc({ cluster, program: program.name }, result.undecodable);
      }
      events.push(...result.events);
    }
    return events;
  }

  private async commit(next: SolanaCheckpoint): Promise<void> {
    const { cluster, program } = this.deps;
    const moved =
      next.lastSignature !== this.checkpoint?.lastSignature ||
      next.indexedSlot !== this.checkpoint?.indexedSlot;
    if (moved) await this.deps.store.save(cluster, program, next);
    // Progress is a moving checkpoint, or being caught up with a head that did not move (an idle cluster).
    const caughtUp = this.head !== undefined && lagSlotsOf(this.head, next.indexedSlot) === 0n;
    if (moved || caughtUp) this.lastProgressAt = this.deps.clock();
    this.checkpoint = next;
    if (next.indexedSlot !== undefined) {
      this.deps.metrics?.indexedSlot.set({ cluster, program: program.name }, Number(next.indexedSlot));
    }
    if (this.head !== undefined) {
      this.deps.metrics?.lagSlots.set(
        { cluster, program: program.name },
        Number(lagSlotsOf(this.head, next.indexedSlot)),
      );
    }
  }
}

// A signature listed at a commitment whose transaction the endpoint cannot serve yet (a load-balanced
// node a slot behind): never skip it — fail the pass, and the next one fetches it again.
function requireTransaction(
  response: VersionedTransactionResponse | null,
  info: SignatureInfo,
  commitment: string,
): VersionedTransactionResponse {
  if (!response)
    throw new Error(`transaction ${info.signature} (slot ${info.slot}) not served at ${commitment} yet`);
  return response;
}
