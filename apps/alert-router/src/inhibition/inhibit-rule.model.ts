import type { Matcher } from '../routing/matcher.model';

/** An inhibition rule as written in alertmanager.yml (`config.InhibitRule`). */
export interface InhibitRuleConfig {
  readonly name?: string;
  /** Matchers in Alertmanager's syntax that a source (inhibiting) alert must satisfy. */
  readonly source_matchers?: readonly string[];
  /** Matchers in Alertmanager's syntax that a target (inhibited) alert must satisfy. */
  readonly target_matchers?: readonly string[];
  /** Deprecated in Alertmanager, still accepted. */
  readonly source_match?: Readonly<Record<string, string>>;
  readonly source_match_re?: Readonly<Record<string, string>>;
  readonly target_match?: Readonly<Record<string, string>>;
  readonly target_match_re?: Readonly<Record<string, string>>;
  /** Labels whose values must be equal on source and target ("" when missing on both counts). */
  readonly equal?: readonly string[];
}

/** A parsed inhibition rule (Alertmanager's `inhibit.InhibitRule`). */
export interface InhibitRule {
  readonly name?: string;
  readonly sourceMatchers: readonly Matcher[];
  readonly targetMatchers: readonly Matcher[];
  readonly equal: readonly string[];
}
