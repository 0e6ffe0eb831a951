import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { SolanaBalanceDelta, SplTransferEffects } from './spl-transfer-effects.util';

/** A transfer as the holdings record it: the idempotency row, with its effects while not finalized. */
export interface SolanaEventRow {
  eventId: string;
  cluster: string;
  slot: bigint;
  signature: string;
  confirmed: boolean;
  effects: SplTransferEffects;
}

/**
 * The Solana holdings' SQL, set-based like the EVM projection's: a Kafka batch costs a handful of
 * round trips whatever its size. Every method runs in the caller's transaction.
 */
@Injectable()
export class SolanaHoldingsStore {
  /** Serialises writers of one cluster's holdings across replicas until the transaction ends. */
  async lockCluster(manager: EntityManager, cluster: string): Promise<void> {
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`unlock-engine:solana:${cluster}`]);
  }

  /** Records the transfers not seen before and returns their ids; one seen before is left as it was. */
  async insertNewEvents(manager: EntityManager, rows: readonly SolanaEventRow[]): Promise<Set<string>> {
    if (rows.length === 0) return new Set();
    const inserted = (await manager.query(
      `INSERT INTO solana_events (event_id, cluster, slot, signature, confirmed, effects)
       SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[], $4::text[], $5::bool[], $6::jsonb[])
       ON CONFLICT (event_id) DO NOTHING RETURNING event_id`,
      [
        rows.map((r) => r.eventId),
        rows.map((r) => r.cluster),
        rows.map((r) => r.slot.toString()),
        rows.map((r) => r.signature),
        rows.map((r) => r.confirmed),
        rows.map((r) => (r.confirmed ? null : JSON.stringify(r.effects))),
      ],
    )) as { event_id: string }[];
    return new Set(inserted.map((row) => row.event_id));
  }

  /** Adds a batch's summed changes to the balances. */
  async applyDelta(manager: EntityManager, delta: readonly SolanaBalanceDelta[]): Promise<void> {
    if (delta.length === 0) return;
    await manager.query(
      `INSERT INTO solana_balances (owner, mint, amount, confirmed_amount)
       SELECT * FROM unnest($1::text[], $2::text[], $3::numeric[], $4::numeric[])
       ON CONFLICT (owner, mint) DO UPDATE SET
         amount = solana_balances.amount + EXCLUDED.amount,
         confirmed_amount = solana_balances.confirmed_amount + EXCLUDED.confirmed_amount`,
      [
        delta.map((d) => d.owner),
        delta.map((d) => d.mint),
        delta.map((d) => d.amount.toString()),
        delta.map((d) => d.confirmedAmount.toString()),
      ],
    );
  }

  /**
   * Marks the cluster's not-finalized transfers up to a finalized slot confirmed (a finalized slot
   * roots every earlier slot of its fork) and returns what they did, to count in the confirmed state.
   */
  async confirmUpTo(manager: EntityManager, cluster: string, slot: bigint): Promise<SplTransferEffects[]> {
    const result = (await manager.query(
      `WITH old AS (SELECT event_id, effects FROM solana_events
                    WHERE cluster = $1 AND NOT confirmed AND slot <= $2 FOR UPDATE)
       UPDATE solana_events e SET confirmed = true, effects = NULL FROM old WHERE e.event_id = old.event_id
       RETURNING old.effects`,
      [cluster, slot.toString()],
    )) as
      | [Array<{ effects: SplTransferEffects | null }>, number]
      | Array<{ effects: SplTransferEffects | null }>;
    // TypeORM hands back an UPDATE … RETURNING as [rows, affected count].
    const rows =
      result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number'
        ? (result[0] as Array<{ effects: SplTransferEffects | null }>)
        : (result as Array<{ effects: SplTransferEffects | null }>);
    return rows.flatMap((row) => (row.effects === null ? [] : [row.effects]));
  }
}
