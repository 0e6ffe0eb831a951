import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Interpretation } from './ceremony-payload.util';

/** Interpretations by wallet and unlock; the latest one received wins. */
@Injectable()
export class InterpretationStore {
  async save(
    manager: EntityManager,
    row: { wallet: string; unlockId: string; text: string; source: string; model?: string },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO interpretations (wallet, unlock_id, text, source, model, received_at) VALUES ($1, $2, $3, $4, $5, now())
       ON CONFLICT (wallet, unlock_id) DO UPDATE SET text = EXCLUDED.text, source = EXCLUDED.source,
         model = EXCLUDED.model, received_at = EXCLUDED.received_at`,
      [row.wallet, row.unlockId, row.text, row.source, row.model ?? null],
    );
  }

  async find(manager: EntityManager, wallet: string, unlockId: string): Promise<Interpretation | undefined> {
    const [row] = (await manager.query(
      'SELECT text, source, model FROM interpretations WHERE wallet = $1 AND unlock_id = $2',
      [wallet, unlockId],
    )) as Interpretation[];
    return row;
  }
}
