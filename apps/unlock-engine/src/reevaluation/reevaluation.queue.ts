import { Injectable } from '@nestjs/common';
import { injectTraceHeaders } from '@convergence/telemetry';
import type { EntityManager } from 'typeorm';

/**
 * Where a definition change asks for its background re-evaluation (in the change's transaction), with
 * the change's trace context, so the job's achievements continue the request's trace.
 */
@Injectable()
export class ReevaluationQueue {
  private listener?: () => void;

  async enqueue(manager: EntityManager, unlockId: string, version: number): Promise<void> {
    await manager.query(
      `INSERT INTO reevaluation_jobs (unlock_id, unlock_version, status, trace_headers) VALUES ($1, $2, 'pending', $3)`,
      [unlockId, version, JSON.stringify(injectTraceHeaders({}))],
    );
    // The runner polls anyway; this only saves it the wait when the change was made here.
    setImmediate(() => this.listener?.());
  }

  /** The runner's wake-up call. */
  onEnqueued(listener: () => void): void {
    this.listener = listener;
  }
}
