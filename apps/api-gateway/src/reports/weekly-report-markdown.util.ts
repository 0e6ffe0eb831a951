import type { FigureName, WeeklyReport } from './weekly-report.util';

const rows: readonly { figure: FigureName; label: string; format: (v: number) => string }[] = [
  { figure: 'apiP95Ms', label: 'API p95 latency', format: (v) => `${v} ms` },
  { figure: 'llmLatencyP95Ms', label: 'LLM latency (p95)', format: (v) => `${v} ms` },
  { figure: 'dbQueryP95Ms', label: 'DB query time (p95)', format: (v) => `${v} ms` },
  { figure: 'uptimePercent', label: 'Uptime', format: (v) => `${v}%` },
  { figure: 'dailyActiveWallets', label: 'Daily active wallets', format: (v) => String(v) },
  { figure: 'unlocksCompleted', label: 'Unlocks completed', format: (v) => String(v) },
  { figure: 'llmCalls', label: 'LLM calls', format: (v) => String(v) },
  { figure: 'llmCostUsd', label: 'LLM cost', format: (v) => `$${v.toFixed(2)}` },
  { figure: 'errorRatePercent', label: 'Error rate', format: (v) => `${v}%` },
  { figure: 'contractReverts', label: 'Contract reverts', format: (v) => String(v) },
  { figure: 'failedRpcCalls', label: 'Failed RPC calls', format: (v) => String(v) },
];

/**
 * The report in the layout operators send each week: title, period, one table of figures
 * ("n/a" where unknown), then the notes saying where each figure comes from.
 *
 * @example
 * weeklyReportMarkdown(report) // '# Convergence weekly operations report\n\n**Period:** …'
 */
export function weeklyReportMarkdown(report: WeeklyReport): string {
  const noteOf = (figure: string) => report.notes.find((n) => n.figure === figure)?.note ?? '';
  const lines = [
    `# ${report.title}`,
    '',
    `**Period:** ${report.period.start} to ${report.period.end} (UTC)  `,
    `**Generated:** ${report.generatedAt}`,
    '',
    '| Metric | Value |',
    '| --- | --- |',
    ...rows.map(({ figure, label, format }) => {
      const value = report.figures[figure];
      return `| ${label} | ${value === null ? 'n/a' : format(value)} |`;
    }),
    '',
    '## Notes',
    '',
    ...rows.map(({ figure, label }) => `- **${label}:** ${escapeCell(noteOf(figure))}`),
    `- ${noteOf('general')}`,
    '',
  ];
  const d = report.details;
  lines.push('## Details', '');
  lines.push(`- API requests: ${d.apiRequests ?? 'n/a'}`);
  lines.push(`- Alerts fired: ${d.alertsFired ?? 'n/a'}`);
  lines.push(
    `- Service uptime: ${Object.entries(d.serviceUptimePercent)
      .map(([name, value]) => `${name} ${value === null ? 'n/a' : `${value}%`}`)
      .join(', ')}`,
  );
  lines.push('');
  return lines.join('\n');
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|');
}
