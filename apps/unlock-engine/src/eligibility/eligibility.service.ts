import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock } from '../clock/clock';
import { EngineMetrics } from '../metrics/engine.metrics';
import type { ConditionResult } from '../requirements/evaluate-condition.util';
import { evaluateRequirements } from '../requirements/evaluate-requirements.util';
import { requirementsMet } from '../requirements/requirements-met.util';
import { UnlockRulesCache } from '../unlocks/unlock-rules.cache';
import { WalletStateLoader } from './wallet-state.loader';

/** One unlock as a wallet stands with it: the "why not yet" a user sees. */
export interface UnlockEligibility {
  readonly unlockId: string;
  readonly version: number;
  readonly title: string;
  /** The requirements are met now (with unconfirmed blocks). */
  readonly met: boolean;
  /** Met counting confirmed blocks only. */
  readonly confirmedMet: boolean;
  readonly achievement: { achievedAt: string; version: number; provisional: boolean } | null;
  /** Every node of the requirement tree, root first: current value, target and progress. */
  readonly conditions: readonly ConditionResult[];
}

export interface WalletEligibility {
  readonly wallet: string;
  readonly evaluatedAt: string;
  readonly unlocks: readonly UnlockEligibility[];
}

/**
 * Answers eligibility from the in-memory definitions and one prepared, indexed query for the
 * wallet's state.
 */
@Injectable()
export class EligibilityService {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly loader: WalletStateLoader,
    private readonly rules: UnlockRulesCache,
    private readonly metrics: EngineMetrics,
  ) {}

  /** Every active unlock for a (lowercase) wallet; a wallet never seen has zero of everything. */
  async eligibilityOf(wallet: string): Promise<WalletEligibility> {
    const timer = this.metrics.eligibilitySeconds.startTimer();
    try {
      const now = this.clock();
      const state = await this.loader.loadOne(wallet, now);
      const options = { unlockTitles: this.rules.titles() };
      const unlocks = this.rules.active().map((rule): UnlockEligibility => {
        const evaluation = evaluateRequirements(rule.requirements, state.facts, options);
        // Only whether it is met counts for the confirmed state: no per-node results to build.
        const confirmedMet = requirementsMet(rule.requirements, state.confirmedFacts);
        const achieved = state.achievements.get(rule.id);
        return {
          unlockId: rule.id,
          version: rule.version,
          title: rule.title,
          met: evaluation.met,
          confirmedMet,
          achievement: achieved
            ? {
                achievedAt: achieved.achievedAt.toISOString(),
                version: achieved.unlockVersion,
                provisional: achieved.provisional,
              }
            : null,
          conditions: evaluation.conditions,
        };
      });
      return { wallet, evaluatedAt: now.toISOString(), unlocks };
    } finally {
      timer();
    }
  }
}
