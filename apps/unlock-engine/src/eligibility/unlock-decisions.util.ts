import type { FactChange } from '../requirements/affected-conditions.util';
import { factDependenciesOf, factKeyOf } from '../requirements/fact-dependencies.util';
import { requirementsMet } from '../requirements/requirements-met.util';
import type { UnlockRule } from '../unlocks/unlock-rule.model';
import type { WalletState } from './wallet-state.model';

/** An unlock a wallet has just met; provisional when only unconfirmed blocks make it met. */
export interface NewAchievement {
  readonly rule: UnlockRule;
  readonly provisional: boolean;
}

/** Which unlocks to consider: those a set of fact changes can affect, or the ones named. */
export type EvaluationTrigger =
  | { readonly changes: readonly FactChange[] }
  | { readonly unlockIds: ReadonlySet<string> };

/**
 * The active unlocks a wallet newly meets, given what changed: only unlocks the changes can affect
 * are evaluated, then — until nothing more is met — those requiring an unlock just met.
 *
 * @example
 * newAchievementsOf(rules, state, { changes: [{ kind: 'balance', token: 'TRUST' }] })
 * // [{ rule: { id: 'trust-holder', … }, provisional: true }]
 */
export function newAchievementsOf(
  rules: readonly UnlockRule[],
  state: WalletState,
  trigger: EvaluationTrigger,
): NewAchievement[] {
  const achieved = new Set(state.facts.achievedUnlockIds);
  const confirmed = new Set(state.confirmedFacts.achievedUnlockIds);
  const changed = 'changes' in trigger ? new Set(trigger.changes.map(factKeyOf)) : undefined;
  const triggered = (rule: UnlockRule) =>
    changed === undefined
      ? (trigger as { unlockIds: ReadonlySet<string> }).unlockIds.has(rule.id)
      : dependsOnAny(rule, changed);
  let candidates = rules.filter((rule) => rule.active && !achieved.has(rule.id) && triggered(rule));
  const facts = { ...state.facts, achievedUnlockIds: achieved };
  const confirmedFacts = { ...state.confirmedFacts, achievedUnlockIds: confirmed };
  const result: NewAchievement[] = [];
  while (candidates.length > 0) {
    const met = candidates.filter((rule) => requirementsMet(rule.requirements, facts));
    if (met.length === 0) break;
    for (const rule of met) {
      achieved.add(rule.id);
      const provisional = !requirementsMet(rule.requirements, confirmedFacts);
      if (!provisional) confirmed.add(rule.id);
      result.push({ rule, provisional });
    }
    const unlocked = new Set(met.map((rule) => `unlock:${rule.id}`));
    candidates = rules.filter(
      (rule) => rule.active && !achieved.has(rule.id) && dependsOnAny(rule, unlocked),
    );
  }
  return result;
}

/**
 * The provisional achievements a wallet no longer meets (after a reorg undid blocks), including
 * those that only held because of another one revoked here. Confirmed achievements stay.
 *
 * @example
 * revokedAchievementsOf(rulesById, stateAfterReorg) // ['trust-holder']
 */
export function revokedAchievementsOf(
  rulesById: ReadonlyMap<string, UnlockRule>,
  state: WalletState,
): string[] {
  const achieved = new Set(state.facts.achievedUnlockIds);
  const facts = { ...state.facts, achievedUnlockIds: achieved };
  const revoked: string[] = [];
  for (let changed = true; changed; ) {
    changed = false;
    for (const achievement of state.achievements.values()) {
      if (!achievement.provisional || !achieved.has(achievement.unlockId)) continue;
      const rule = rulesById.get(achievement.unlockId);
      if (rule === undefined || requirementsMet(rule.requirements, facts)) continue;
      achieved.delete(achievement.unlockId);
      revoked.push(achievement.unlockId);
      changed = true;
    }
  }
  return revoked;
}

function dependsOnAny(rule: UnlockRule, keys: ReadonlySet<string>): boolean {
  for (const key of factDependenciesOf(rule.requirements)) if (keys.has(key)) return true;
  return false;
}
