import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { CLOCK, type Clock } from '../clock/clock';
import { ENGINE_ENV, type UnlockEngineEnv } from '../config/env';
import { EngineRequestError } from '../http/engine-request.error';
import { EngineMetrics } from '../metrics/engine.metrics';
import { UnlockDefinitionsService } from '../unlocks/unlock-definitions.service';
import {
  type CeremonyPayload,
  type Interpretation,
  interpretationWaitMs,
  playedStepsOf,
} from './ceremony-payload.util';
import { InterpretationStore } from './interpretation.store';

// Another replica may store the interpretation, so waiting polls the table rather than a local signal.
const POLL_MS = 200;

/**
 * The ceremony payload of a wallet's unlock, with the oracle's interpretation: when it has not
 * arrived yet, the request waits until UNLOCK_INTERPRETATION_TIMEOUT_MS after the achievement and
 * then plays the definition's fallback text.
 */
@Injectable()
export class CeremonyService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(ENGINE_ENV) private readonly env: UnlockEngineEnv,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly definitions: UnlockDefinitionsService,
    private readonly interpretations: InterpretationStore,
    private readonly metrics: EngineMetrics,
  ) {}

  async ceremonyOf(unlockId: string, wallet: string): Promise<CeremonyPayload> {
    const [achievement] = (await this.dataSource.query(
      `SELECT unlock_version, achieved_at, provisional FROM achievements
       WHERE wallet = $1 AND unlock_id = $2 AND revoked_at IS NULL`,
      [wallet, unlockId],
    )) as Array<{ unlock_version: number; achieved_at: Date; provisional: boolean }>;
    if (!achievement) {
      await this.definitions.get(unlockId); // 404 for an unknown unlock, 409 for one not achieved
      throw new EngineRequestError('not-achieved', `wallet ${wallet} has not achieved '${unlockId}'`);
    }
    const definition = await this.definitions.get(unlockId, achievement.unlock_version);
    const achievedAt = new Date(achievement.achieved_at);
    const interpretation = await this.awaitInterpretation(wallet, unlockId, () =>
      interpretationWaitMs(
        definition.ceremony,
        achievedAt,
        this.env.UNLOCK_INTERPRETATION_TIMEOUT_MS,
        this.clock(),
      ),
    );
    const steps = playedStepsOf(definition.ceremony, interpretation);
    if (definition.ceremony.steps.some((step) => step.kind === 'interpretation')) {
      this.metrics.interpretations.inc({ outcome: interpretation ? 'oracle' : 'fallback' });
    }
    return {
      unlockId,
      version: definition.version,
      title: definition.title,
      wallet,
      achievedAt: achievedAt.toISOString(),
      provisional: achievement.provisional,
      steps,
    };
  }

  private async awaitInterpretation(
    wallet: string,
    unlockId: string,
    remainingMs: () => number,
  ): Promise<Interpretation | undefined> {
    for (;;) {
      const found = await this.interpretations.find(this.dataSource.manager, wallet, unlockId);
      const remaining = remainingMs();
      if (found !== undefined || remaining <= 0) return found;
      await new Promise((resolve) => setTimeout(resolve, Math.min(POLL_MS, remaining)));
    }
  }
}
