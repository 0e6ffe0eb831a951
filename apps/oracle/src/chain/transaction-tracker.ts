import type { Clock } from '../config/clock';
import type { OracleMetrics } from '../metrics/oracle.metrics';

/** How a sent transaction ended: mined and succeeded, mined and reverted, or never seen mined. */
export type TransactionOutcome = 'confirmed' | 'reverted' | 'dropped';

/**
 * The oracle's sent transactions until they are mined: counts each outcome
 * (`oracle_transactions_total`) and knows the oldest one still pending
 * (`oracle_oldest_pending_transaction_age_seconds`). One per chain adapter, in memory: a restarted
 * process waits for its earlier transactions again through the settlement steps, not through this.
 */
export class TransactionTracker {
  private readonly pending = new Map<string, number>();

  constructor(
    readonly chain: string,
    private readonly metrics: Pick<OracleMetrics, 'transactions'>,
    private readonly clock: Clock,
  ) {}

  /**
   * Waits for `mined` (the receipt or confirmation of `id`), recording its outcome; a wait that throws
   * counts as `dropped` and rethrows.
   */
  async track<T>(
    id: string,
    mined: Promise<T>,
    outcomeOf: (result: T) => 'confirmed' | 'reverted',
  ): Promise<T> {
    this.pending.set(id, this.clock().getTime());
    try {
      const result = await mined;
      this.metrics.transactions.inc({ chain: this.chain, outcome: outcomeOf(result) });
      return result;
    } catch (error) {
      this.metrics.transactions.inc({ chain: this.chain, outcome: 'dropped' });
      throw error;
    } finally {
      this.pending.delete(id);
    }
  }

  /** Seconds since the oldest transaction still waiting was sent; 0 when none waits. */
  oldestPendingAgeSeconds(): number {
    if (this.pending.size === 0) return 0;
    const oldest = Math.min(...this.pending.values());
    return Math.max(0, (this.clock().getTime() - oldest) / 1_000);
  }
}
