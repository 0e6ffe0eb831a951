import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { LogEffects } from './log-effects.util';
import type { ProjectionDelta } from './projection-delta.util';

/** A log as the projection records it: the idempotency row, with its effects while unconfirmed. */
export interface ChainEventRow {
  eventId: string;
  chainId: number;
  blockNumber: bigint;
  blockHash: string;
  logIndex: number;
  blockTime: Date;
  confirmed: boolean;
  effects: LogEffects;
}

/** An unconfirmed log still on record, with what it did. */
export interface PendingEvent {
  eventId: string;
  blockNumber: bigint;
  blockHash: string;
  blockTime: Date;
  effects: LogEffects;
}

/**
 * The projection's SQL, each statement set-based so a whole Kafka batch costs a handful of round
 * trips. Every method runs in the caller's transaction.
 */
@Injectable()
export class ProjectionStore {
  /** Serialises writers of one chain's projection across replicas until the transaction ends. */
  async lockChain(manager: EntityManager, chainId: number): Promise<void> {
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`unlock-engine:chain:${chainId}`]);
  }

  /** Records the logs not seen before and returns their ids; a log seen before is left as it was. */
  async insertNewEvents(manager: EntityManager, rows: readonly ChainEventRow[]): Promise<Set<string>> {
    if (rows.length === 0) return new Set();
    const inserted = (await manager.query(
      `INSERT INTO chain_events (event_id, chain_id, block_number, block_hash, log_index, block_time, confirmed, effects)
       SELECT * FROM unnest($1::text[], $2::int[], $3::bigint[], $4::text[], $5::int[], $6::timestamptz[],
         $7::bool[], $8::jsonb[])
       ON CONFLICT (event_id) DO NOTHING RETURNING event_id`,
      [
        rows.map((r) => r.eventId),
        rows.map((r) => r.chainId),
        rows.map((r) => r.blockNumber.toString()),
        rows.map((r) => r.blockHash),
        rows.map((r) => r.logIndex),
        rows.map((r) => r.blockTime.toISOString()),
        rows.map((r) => r.confirmed),
        rows.map((r) => (r.confirmed ? null : JSON.stringify(r.effects))),
      ],
    )) as { event_id: string }[];
    return new Set(inserted.map((row) => row.event_id));
  }

  /** Which of these block hashes a reorg already orphaned. */
  async orphanedAmong(
    manager: EntityManager,
    chainId: number,
    hashes: readonly string[],
  ): Promise<Set<string>> {
    if (hashes.length === 0) return new Set();
    const rows = (await manager.query(
      'SELECT block_hash FROM orphaned_blocks WHERE chain_id = $1 AND block_hash = ANY($2::text[])',
      [chainId, hashes],
    )) as { block_hash: string }[];
    return new Set(rows.map((row) => row.block_hash));
  }

  /** Adds a batch's summed changes to balances, activity counters and NFT owners. */
  async applyDelta(manager: EntityManager, delta: ProjectionDelta): Promise<void> {
    const { balances, activity, nfts } = delta;
    if (balances.length > 0) {
      await manager.query(
        `INSERT INTO wallet_balances (wallet, token, amount, confirmed_amount)
         SELECT * FROM unnest($1::text[], $2::text[], $3::numeric[], $4::numeric[])
         ON CONFLICT (wallet, token) DO UPDATE SET
           amount = wallet_balances.amount + EXCLUDED.amount,
           confirmed_amount = wallet_balances.confirmed_amount + EXCLUDED.confirmed_amount`,
        [
          balances.map((b) => b.wallet),
          balances.map((b) => b.token),
          balances.map((b) => b.amount.toString()),
          balances.map((b) => b.confirmedAmount.toString()),
        ],
      );
    }
    if (activity.length > 0) {
      // A confirmation-only row has no total times; its confirmed times never move LEAST/GREATEST.
      const firstSeen = activity.map((a) => (a.firstSeenAt ?? a.confirmedFirstSeenAt)?.toISOString());
      const lastSeen = activity.map((a) => (a.lastSeenAt ?? a.confirmedLastSeenAt)?.toISOString());
      await manager.query(
        `INSERT INTO wallet_activity (wallet, event_name, count, first_seen_at, last_seen_at, last_block,
           confirmed_count, confirmed_first_seen_at, confirmed_last_seen_at)
         SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[], $4::timestamptz[], $5::timestamptz[],
           $6::bigint[], $7::bigint[], $8::timestamptz[], $9::timestamptz[])
         ON CONFLICT (wallet, event_name) DO UPDATE SET
           count = wallet_activity.count + EXCLUDED.count,
           first_seen_at = LEAST(wallet_activity.first_seen_at, EXCLUDED.first_seen_at),
           last_seen_at = GREATEST(wallet_activity.last_seen_at, EXCLUDED.last_seen_at),
           last_block = GREATEST(wallet_activity.last_block, EXCLUDED.last_block),
           confirmed_count = wallet_activity.confirmed_count + EXCLUDED.confirmed_count,
           confirmed_first_seen_at = LEAST(wallet_activity.confirmed_first_seen_at, EXCLUDED.confirmed_first_seen_at),
           confirmed_last_seen_at = GREATEST(wallet_activity.confirmed_last_seen_at, EXCLUDED.confirmed_last_seen_at)`,
        [
          activity.map((a) => a.wallet),
          activity.map((a) => a.eventName),
          activity.map((a) => a.count),
          firstSeen,
          lastSeen,
          activity.map((a) => a.lastBlock.toString()),
          activity.map((a) => a.confirmedCount),
          activity.map((a) => a.confirmedFirstSeenAt?.toISOString() ?? null),
          activity.map((a) => a.confirmedLastSeenAt?.toISOString() ?? null),
        ],
      );
    }
    const moved = nfts.filter((n) => n.owner !== undefined);
    if (moved.length > 0) {
      await manager.query(
        `INSERT INTO nft_ownership (collection, token_id, owner, confirmed_owner)
         SELECT c, t, o, NULL FROM unnest($1::text[], $2::text[], $3::text[]) AS x(c, t, o)
         ON CONFLICT (collection, token_id) DO UPDATE SET owner = EXCLUDED.owner`,
        [moved.map((n) => n.collection), moved.map((n) => n.tokenId), moved.map((n) => n.owner ?? null)],
      );
    }
    const confirmed = nfts.filter((n) => n.confirmedOwner !== undefined);
    if (confirmed.length > 0) {
      await manager.query(
        `INSERT INTO nft_ownership (collection, token_id, owner, confirmed_owner)
         SELECT c, t, o, o FROM unnest($1::text[], $2::text[], $3::text[]) AS x(c, t, o)
         ON CONFLICT (collection, token_id) DO UPDATE SET confirmed_owner = EXCLUDED.confirmed_owner`,
        [
          confirmed.map((n) => n.collection),
          confirmed.map((n) => n.tokenId),
          confirmed.map((n) => n.confirmedOwner ?? null),
        ],
      );
    }
  }

  /** Moves the chain's cursor forward (never back) and raises its confirmed watermark. */
  async advanceCursor(
    manager: EntityManager,
    cursor: { chainId: number; blockNumber: bigint; blockHash: string; confirmedUpTo?: bigint },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO chain_cursors (chain_id, block_number, block_hash, confirmed_block_number, updated_at)
       VALUES ($1, $2, $3, $4, now())
       ON CONFLICT (chain_id) DO UPDATE SET
         block_hash = CASE WHEN EXCLUDED.block_number >= chain_cursors.block_number
                           THEN EXCLUDED.block_hash ELSE chain_cursors.block_hash END,
         block_number = GREATEST(chain_cursors.block_number, EXCLUDED.block_number),
         confirmed_block_number = GREATEST(chain_cursors.confirmed_block_number, EXCLUDED.confirmed_block_number),
         updated_at = now()`,
      [
        cursor.chainId,
        cursor.blockNumber.toString(),
        cursor.blockHash,
        cursor.confirmedUpTo?.toString() ?? null,
      ],
    );
  }

  /** After a reorg the cursor goes back to the common ancestor, so reads at it see the canonical chain. */
  async rewindCursor(manager: EntityManager, chainId: number, ancestor: { number: bigint; hash: string }) {
    await manager.query(
      `UPDATE chain_cursors SET block_number = $2, block_hash = $3, updated_at = now()
       WHERE chain_id = $1 AND block_number > $2`,
      [chainId, ancestor.number.toString(), ancestor.hash.toLowerCase()],
    );
  }

  /** Marks the unconfirmed logs up to a block confirmed; returns what they did, in chain order. */
  async confirmUpTo(manager: EntityManager, chainId: number, blockNumber: bigint): Promise<PendingEvent[]> {
    const rows = (await manager.query(
      `WITH old AS (SELECT event_id, effects FROM chain_events
                    WHERE chain_id = $1 AND NOT confirmed AND NOT orphaned AND block_number <= $2 FOR UPDATE)
       UPDATE chain_events c SET confirmed = true, effects = NULL FROM old WHERE c.event_id = old.event_id
       RETURNING c.event_id, c.block_number, c.block_hash, c.log_index, c.block_time, c.confirmed, old.effects`,
      [chainId, blockNumber.toString()],
    )) as [RawEvent[], number] | RawEvent[];
    return pendingOf(rowsOf(rows));
  }

  /** Every unconfirmed log of a chain still on record, in chain order. */
  async pendingEvents(manager: EntityManager, chainId: number): Promise<PendingEvent[]> {
    const rows = (await manager.query(
      `SELECT event_id, block_number, block_hash, log_index, block_time, confirmed, effects FROM chain_events
       WHERE chain_id = $1 AND NOT confirmed AND NOT orphaned`,
      [chainId],
    )) as RawEvent[];
    return pendingOf(rows);
  }

  /**
   * Forgets what earlier reorgs orphaned above `ancestorNumber` (but not the blocks in `keep`, the
   * ones this reorg orphans): the branch that displaced those blocks is itself being orphaned, so
   * they are no longer known to be off the chain, and the indexer republishes whichever of them is
   * canonical again (an A→B→A flip) with the same ids. Their logs' rows go too — already undone,
   * their effects gone — so the republished logs apply as new. Returns the block hashes forgotten.
   */
  async forgetOrphansAbove(
    manager: EntityManager,
    chainId: number,
    ancestorNumber: bigint,
    keep: readonly string[],
  ): Promise<string[]> {
    const forgotten = rowsOf(
      (await manager.query(
        `DELETE FROM orphaned_blocks WHERE chain_id = $1 AND block_number > $2 AND NOT (block_hash = ANY($3::text[]))
         RETURNING block_hash`,
        [chainId, ancestorNumber.toString(), keep.map((hash) => hash.toLowerCase())],
      )) as [Array<{ block_hash: string }>, number] | Array<{ block_hash: string }>,
    ).map((row) => row.block_hash);
    if (forgotten.length > 0) {
      await manager.query(
        'DELETE FROM chain_events WHERE chain_id = $1 AND orphaned AND block_hash = ANY($2::text[])',
        [chainId, forgotten],
      );
    }
    return forgotten;
  }

  /**
   * Records the blocks as orphaned and marks their unconfirmed logs, returning them (to undo) and
   * whether any orphaned block was at or below the confirmed watermark — a reorg deeper than
   * finality, whose confirmed logs keep their effects (reconciliation corrects them).
   */
  async orphanBlocks(
    manager: EntityManager,
    chainId: number,
    blocks: ReadonlyArray<{ number: bigint; hash: string }>,
  ): Promise<{ undo: PendingEvent[]; belowConfirmed: number }> {
    const hashes = blocks.map((b) => b.hash.toLowerCase());
    await manager.query(
      `INSERT INTO orphaned_blocks (chain_id, block_hash, block_number)
       SELECT $1, h, n FROM unnest($2::text[], $3::bigint[]) AS x(h, n) ON CONFLICT DO NOTHING`,
      [chainId, hashes, blocks.map((b) => b.number.toString())],
    );
    const hit = (await manager.query(
      `WITH old AS (SELECT event_id, effects FROM chain_events
                    WHERE chain_id = $1 AND block_hash = ANY($2::text[]) AND NOT confirmed AND NOT orphaned FOR UPDATE)
       UPDATE chain_events c SET orphaned = true, effects = NULL FROM old WHERE c.event_id = old.event_id
       RETURNING c.event_id, c.block_number, c.block_hash, c.log_index, c.block_time, c.confirmed, old.effects`,
      [chainId, hashes],
    )) as [RawEvent[], number] | RawEvent[];
    const [cursor] = (await manager.query(
      'SELECT confirmed_block_number FROM chain_cursors WHERE chain_id = $1',
      [chainId],
    )) as Array<{ confirmed_block_number: string | null }>;
    const watermark = cursor?.confirmed_block_number;
    const belowConfirmed = watermark == null ? 0 : blocks.filter((b) => b.number <= BigInt(watermark)).length;
    return { undo: pendingOf(rowsOf(hit)), belowConfirmed };
  }

  /**
   * Takes undone logs out of the total state: balances and counts down, each NFT back to its previous
   * holder (latest first), first/last activity recomputed from what is confirmed and still pending.
   */
  async undo(
    manager: EntityManager,
    undone: readonly PendingEvent[],
    remaining: readonly PendingEvent[],
  ): Promise<void> {
    const balances = new Map<string, { wallet: string; token: string; amount: bigint }>();
    const counts = new Map<string, { wallet: string; eventName: string; n: number }>();
    for (const { effects } of undone) {
      for (const { wallet, token, delta } of effects.balances) {
        const row = balances.get(`${wallet}|${token}`) ?? { wallet, token, amount: 0n };
        row.amount -= BigInt(delta);
        balances.set(`${wallet}|${token}`, row);
      }
      for (const { wallet, eventName } of effects.activity) {
        const row = counts.get(`${wallet}|${eventName}`) ?? { wallet, eventName, n: 0 };
        row.n++;
        counts.set(`${wallet}|${eventName}`, row);
      }
    }
    const balanceRows = [...balances.values()];
    if (balanceRows.length > 0) {
      await manager.query(
        `UPDATE wallet_balances b SET amount = b.amount + x.d
         FROM unnest($1::text[], $2::text[], $3::numeric[]) AS x(w, t, d) WHERE b.wallet = x.w AND b.token = x.t`,
        [
          balanceRows.map((b) => b.wallet),
          balanceRows.map((b) => b.token),
          balanceRows.map((b) => b.amount.toString()),
        ],
      );
    }
    // `undone` is in chain order; handing each NFT back must go latest first.
    for (const { effects } of [...undone].reverse()) {
      if (!effects.nft) continue;
      const { collection, tokenId, from, to } = effects.nft;
      await manager.query(
        `UPDATE nft_ownership SET owner = $3
         WHERE collection = $1 AND token_id = $2 AND owner IS NOT DISTINCT FROM $4`,
        [collection, tokenId, from, to],
      );
    }
    const countRows = [...counts.values()];
    if (countRows.length === 0) return;
    const pendingTimes = pendingTimesOf(remaining);
    await manager.query(
      `UPDATE wallet_activity a SET count = a.count - x.n,
         first_seen_at = COALESCE(LEAST(a.confirmed_first_seen_at, x.pf), a.first_seen_at),
         last_seen_at = COALESCE(GREATEST(a.confirmed_last_seen_at, x.pl), a.last_seen_at)
       FROM unnest($1::text[], $2::text[], $3::bigint[], $4::timestamptz[], $5::timestamptz[]) AS x(w, e, n, pf, pl)
       WHERE a.wallet = x.w AND a.event_name = x.e`,
      [
        countRows.map((c) => c.wallet),
        countRows.map((c) => c.eventName),
        countRows.map((c) => c.n),
        countRows.map((c) => pendingTimes.get(`${c.wallet}|${c.eventName}`)?.first.toISOString() ?? null),
        countRows.map((c) => pendingTimes.get(`${c.wallet}|${c.eventName}`)?.last.toISOString() ?? null),
      ],
    );
    await manager.query(
      `DELETE FROM wallet_activity a USING unnest($1::text[], $2::text[]) AS x(w, e)
       WHERE a.wallet = x.w AND a.event_name = x.e AND a.count <= 0`,
      [countRows.map((c) => c.wallet), countRows.map((c) => c.eventName)],
    );
  }
}

interface RawEvent {
  event_id: string;
  block_number: string;
  block_hash: string;
  log_index: number;
  block_time: Date;
  confirmed: boolean;
  effects: LogEffects | null;
}

// TypeORM hands back an UPDATE … RETURNING as [rows, affected count].
function rowsOf<Row>(result: [Row[], number] | Row[]): Row[] {
  return result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number'
    ? (result[0] as Row[])
    : (result as Row[]);
}

function pendingOf(rows: readonly RawEvent[]): PendingEvent[] {
  return rows
    .filter((row): row is RawEvent & { effects: LogEffects } => row.effects !== null)
    .sort(compareChainOrder)
    .map((row) => ({
      eventId: row.event_id,
      blockNumber: BigInt(row.block_number),
      blockHash: row.block_hash,
      blockTime: new Date(row.block_time),
      effects: row.effects,
    }));
}

function compareChainOrder(a: RawEvent, b: RawEvent): number {
  const blocks = BigInt(a.block_number) - BigInt(b.block_number);
  if (blocks !== 0n) return blocks < 0n ? -1 : 1;
  return a.log_index - b.log_index;
}

function pendingTimesOf(events: readonly PendingEvent[]): Map<string, { first: Date; last: Date }> {
  const times = new Map<string, { first: Date; last: Date }>();
  for (const { effects, blockTime } of events) {
    for (const { wallet, eventName } of effects.activity) {
      const key = `${wallet}|${eventName}`;
      const seen = times.get(key);
      times.set(key, {
        first: seen && seen.first < blockTime ? seen.first : blockTime,
        last: seen && seen.last > blockTime ? seen.last : blockTime,
      });
    }
  }
  return times;
}
