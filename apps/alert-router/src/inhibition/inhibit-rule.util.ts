import { isValidLabelName } from '../alerts/label-set.util';
import { legacyMatchersOf, parseMatchers } from '../routing/parse-matchers.util';
import type { InhibitRule, InhibitRuleConfig } from './inhibit-rule.model';

/**
 * The inhibition rule for a config entry (Alertmanager's `NewInhibitRule`): deprecated
 * `*_match` / `*_match_re` maps and `*_matchers` strings combined per side. Throws on a bad
 * matcher, regex or `equal` label name, with Alertmanager's wording.
 *
 * @example
 * inhibitRuleOf({ source_matchers: ['severity="critical"'], target_matchers: ['severity="warning"'], equal: ['cluster'] })
 */
export function inhibitRuleOf(config: InhibitRuleConfig): InhibitRule {
  const invalid = (config.equal ?? []).find((name) => !isValidLabelName(name));
  if (invalid !== undefined) throw new Error(`invalid label name ${JSON.stringify(invalid)} in equal list`);
  const rule: InhibitRule = {
    sourceMatchers: [
      ...legacyMatchersOf(config.source_match, config.source_match_re),
      ...(config.source_matchers ?? []).flatMap(parseMatchers),
    ],
    targetMatchers: [
      ...legacyMatchersOf(config.target_match, config.target_match_re),
      ...(config.target_matchers ?? []).flatMap(parseMatchers),
    ],
    equal: [...new Set(config.equal ?? [])],
  };
  return config.name === undefined ? rule : { ...rule, name: config.name };
}
