/** An inhibit rule as written (Alertmanager's `source_matchers` / `target_matchers` / `equal`). */
export interface InhibitRuleShape {
  source_matchers?: string[];
  target_matchers?: string[];
  equal?: string[];
}

/**
 * Every alertname an inhibit rule mentions must exist, so a renamed alert cannot silently stop
 * inhibiting (or being inhibited): `alertname="X"` and each plain alternative of `alertname=~"A|B"`
 * must be an alert; other regexes must match at least one. A rule may not inhibit its own source.
 *
 * @example checkInhibitRules([{ source_matchers: ['alertname="PostgresDown"'], target_matchers: ['component="database"'] }], names)
 */
export function checkInhibitRules(
  rules: readonly InhibitRuleShape[],
  alertNames: ReadonlySet<string>,
): string[] {
  const problems: string[] = [];
  rules.forEach((rule, index) => {
    const at = `inhibit_rules[${index}]`;
    if (!rule.source_matchers?.length || !rule.target_matchers?.length) {
      problems.push(`${at}: needs source_matchers and target_matchers`);
      return;
    }
    for (const matcher of [...rule.source_matchers, ...rule.target_matchers]) {
      const m = /^\s*alertname\s*(=~|=|!=|!~)\s*"(.*)"\s*$/.exec(matcher);
      if (!m || m[1] === '!=' || m[1] === '!~') continue;
      const value = m[2]!;
      if (m[1] === '=') {
        if (!alertNames.has(value)) problems.push(`${at}: ${matcher} names no existing alert`);
        continue;
      }
      for (const alternative of value.split('|')) {
        if (/^[A-Za-z0-9_]+$/.test(alternative)) {
          if (!alertNames.has(alternative))
            problems.push(`${at}: ${matcher} names ${alternative}, which is no alert`);
        } else {
          const regex = new RegExp(`^(?:${alternative})$`);
          if (![...alertNames].some((n) => regex.test(n)))
            problems.push(`${at}: ${matcher} part ${alternative} matches no alert`);
        }
      }
    }
  });
  return problems;
}
