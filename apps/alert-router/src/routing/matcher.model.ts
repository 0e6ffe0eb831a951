/** Alertmanager's four match types, in its `MatchType` enum order (which matcher sorting uses). */
export const MATCH_TYPES = ['=', '!=', '=~', '!~'] as const;

export type MatchType = (typeof MATCH_TYPES)[number];

/** A label matcher as plain data (so it can be persisted); regexes compile on use. */
export interface Matcher {
  readonly type: MatchType;
  readonly name: string;
  readonly value: string;
}
