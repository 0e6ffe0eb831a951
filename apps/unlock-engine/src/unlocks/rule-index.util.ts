import { factDependenciesOf } from '../requirements/fact-dependencies.util';
import type { UnlockRule } from './unlock-rule.model';

/** Unlocks by the facts they depend on (`balance:TRUST`, `event:Transfer`, `unlock:genesis`…). */
export interface RuleIndex {
  /** Every indexed unlock, in the order given. */
  readonly rules: readonly UnlockRule[];
  readonly byFact: ReadonlyMap<string, readonly UnlockRule[]>;
}

/**
 * Indexes unlocks by fact key once per definitions reload, so a wallet's changes find the unlocks
 * they can affect by lookups instead of testing every unlock's tree.
 *
 * @example
 * ruleIndexOf([trust500, busy5]).byFact.get('balance:TRUST') // [trust500]
 */
export function ruleIndexOf(rules: readonly UnlockRule[]): RuleIndex {
  const byFact = new Map<string, UnlockRule[]>();
  for (const rule of rules) {
    for (const key of factDependenciesOf(rule.requirements)) {
      const list = byFact.get(key) ?? [];
      list.push(rule);
      byFact.set(key, list);
    }
  }
  return { rules, byFact };
}

/**
 * Ids of the indexed unlocks depending on any of these fact keys.
 *
 * @example
 * rulesAffectedBy(index, new Set(['balance:TRUST', 'time'])) // Set { 'trust-500', 'veteran' }
 */
export function rulesAffectedBy(index: RuleIndex, factKeys: Iterable<string>): Set<string> {
  const ids = new Set<string>();
  for (const key of factKeys) for (const rule of index.byFact.get(key) ?? []) ids.add(rule.id);
  return ids;
}
