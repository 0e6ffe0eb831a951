import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Pool } from 'pg';
import type { DataSource, EntityManager } from 'typeorm';
import type { WalletState } from './wallet-state.model';
import { WALLET_STATE_SQL, type WalletStateRow, walletStatesOf } from './wallet-state.util';

/** Name of the prepared statement eligibility reads one wallet with (planned once per pooled connection). */
const PREPARED_WALLET_STATE = 'unlock-engine.wallet-state';

/**
 * Loads wallets' facts in one round trip of plain indexed lookups (`WALLET_STATE_SQL`), for a batch
 * of events or one eligibility request alike.
 */
@Injectable()
export class WalletStateLoader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The wallets' states inside the caller's transaction; every wallet asked for is in the map. */
  async load(
    manager: EntityManager,
    wallets: readonly string[],
    now: Date,
  ): Promise<Map<string, WalletState>> {
    if (wallets.length === 0) return new Map();
    const rows = (await manager.query(WALLET_STATE_SQL, [wallets])) as WalletStateRow[];
    return walletStatesOf(wallets, rows, now);
  }

  /**
   * One wallet's state outside any transaction, as a named prepared statement on the pool: the
   * eligibility path skips TypeORM's query runner and Postgres's parse and plan on every request.
   */
  async loadOne(wallet: string, now: Date): Promise<WalletState> {
    const pool = this.dataSource.driver as unknown as { master: Pool };
    const { rows } = await pool.master.query<WalletStateRow>({
      name: PREPARED_WALLET_STATE,
      text: WALLET_STATE_SQL,
      values: [[wallet]],
    });
    return walletStatesOf([wallet], rows, now).get(wallet)!;
  }
}
