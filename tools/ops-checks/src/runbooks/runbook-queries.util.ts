/**
 * The PromQL a runbook runs through its `q '<query>'` helper (docs/runbooks/README.md), so the
 * metric check covers runbooks too: a renamed metric breaks the runbook's commands, not just
 * the rule. Double-quoted queries have their `\"` unescaped.
 *
 * @example runbookQueriesOf("q 'up == 0'", 'x.md') // [{ where: 'x.md: q', expr: 'up == 0' }]
 */
export function runbookQueriesOf(text: string, path: string): { where: string; expr: string }[] {
  const queries: { where: string; expr: string }[] = [];
  for (const m of text.matchAll(/(?:^|[\s;(])q '([^']+)'|(?:^|[\s;(])q "((?:[^"\\]|\\.)+)"/gm)) {
    const expr = m[1] ?? m[2]!.replace(/\\"/g, '"');
    queries.push({ where: `${path}: q`, expr });
  }
  return queries;
}
