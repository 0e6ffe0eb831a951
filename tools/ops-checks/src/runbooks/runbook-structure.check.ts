/** The sections every runbook has, in this order. */
export const RUNBOOK_SECTIONS = ['What it means', 'Confirm', 'Fix', 'Verify'] as const;

/** A runbook file: workspace-relative path and Markdown text. */
export interface RunbookFile {
  path: string;
  text: string;
}

/**
 * Every runbook starts with a `# <AlertName>` title naming an alert that exists, has the four
 * sections in order, and shows commands (a fenced code block) under Confirm and under Verify; no
 * runbook is left for an alert that no longer exists (README.md is the index).
 *
 * @example checkRunbooks([{ path: 'docs/runbooks/api-server-down.md', text }], new Map([['docs/runbooks/api-server-down.md', 'APIServerDown']]))
 */
export function checkRunbooks(
  runbooks: readonly RunbookFile[],
  alertByRunbook: ReadonlyMap<string, string>,
): string[] {
  const problems: string[] = [];
  for (const { path, text } of runbooks) {
    if (path.endsWith('/README.md')) continue;
    const alert = alertByRunbook.get(path);
    if (!alert) {
      problems.push(`${path}: no alert links to this runbook; delete it or add its rule`);
      continue;
    }
    const title = /^# (.+)$/m.exec(text)?.[1]?.trim();
    if (title !== alert)
      problems.push(`${path}: the title must be "# ${alert}" (is ${title ? `"# ${title}"` : 'missing'})`);
    const headings = [...text.matchAll(/^## (.+)$/gm)].map((m) => m[1]!.trim());
    const sections = headings.filter((h) => (RUNBOOK_SECTIONS as readonly string[]).includes(h));
    if (sections.join('|') !== RUNBOOK_SECTIONS.join('|')) {
      problems.push(
        `${path}: needs the sections ${RUNBOOK_SECTIONS.map((s) => `"## ${s}"`).join(', ')} in this order`,
      );
      continue;
    }
    for (const section of ['Confirm', 'Verify']) {
      if (!/```/.test(sectionText(text, section)))
        problems.push(`${path}: "## ${section}" shows no commands (a fenced code block)`);
    }
  }
  return problems;
}

function sectionText(text: string, heading: string): string {
  const start = text.indexOf(`\n## ${heading}\n`);
  if (start === -1) return '';
  const rest = text.slice(start + heading.length + 5);
  const end = rest.search(/^## /m);
  return end === -1 ? rest : rest.slice(0, end);
}
