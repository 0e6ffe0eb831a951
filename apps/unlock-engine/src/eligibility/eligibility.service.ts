import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { CLOCK, type Clock } from '../clock/clock';
import { EngineMetrics } from '../metrics/engine.metrics';
import type { ConditionResult } from '../requirements/evaluate-condition.util';
import { evaluateRequirements } from '../requirements/evaluate-requirements.util';
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

/** Answers eligibility from one round trip to Postgres and the in-memory definitions. */
@Injectable()
export class EligibilityService {
  private readonly titles: () => Record<string, string>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly loader: WalletStateLoader,
    private readonly rules: UnlockRulesCache,
    private readonly metrics: EngineMetrics,
  ) {
    this.titles = () => Object.fromEntries(this.rules.all().map((rule) => [rule.id, rule.title]));
  }

  /** Every active unlock for a (lowercase) wallet; a wallet never seen has zero of everything. */
  async eligibilityOf(wallet: string): Promise<WalletEligibility> {
    const timer = this.metrics.eligibilitySeconds.startTimer();
    try {
      const now = this.clock();
      const states = await this.loader.load(this.dataSource.manager, [wallet], now);
      const state = states.get(wallet)!;
      const options = { unlockTitles: this.titles() };
      const unlocks = this.rules.active().map((rule): UnlockEligibility => {
        const evaluation = evaluateRequirements(rule.requirements, state.facts, options);
        const confirmed = evaluateRequirements(rule.requirements, state.confirmedFacts, options);
        const achieved = state.achievements.get(rule.id);
        return {
          unlockId: rule.id,
          version: rule.version,
          title: rule.title,
          met: evaluation.met,
          confirmedMet: confirmed.met,
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
