import type { Command } from 'commander';
import { CliError } from '../cli.exception';
import { toJson } from '../output/output';
import { contextOf } from './command-context';

/** `convergence report weekly`: the gateway's weekly operations report, as Markdown or JSON (operator). */
export function registerReportCommand(program: Command, env: NodeJS.ProcessEnv): void {
  program
    .command('report')
    .description('reports (operator)')
    .command('weekly')
    .description('the weekly report of the 7 days before --end (default now)')
    .option('--format <format>', 'markdown or json', 'markdown')
    .option('--end <iso>', 'end of the week: an ISO-8601 time, or a date meaning through that day (UTC)')
    .action(async (options: { format: string; end?: string }, command: Command) => {
      if (options.format !== 'markdown' && options.format !== 'json') {
        throw new CliError('config', `--format must be markdown or json, got "${options.format}"`);
      }
      if (
        options.end !== undefined &&
        (!/^\d{4}-\d{2}-\d{2}(T|$)/.test(options.end) || Number.isNaN(Date.parse(options.end)))
      ) {
        throw new CliError(
          'config',
          `--end must be an ISO-8601 time or date such as 2026-11-23T00:00:00Z or 2026-11-22, got "${options.end}"`,
        );
      }
      const { gateway, output } = contextOf(command, env);
      const report = await gateway.weeklyReport(options.format, options.end);
      output.out(typeof report === 'string' ? report : toJson(report));
    });
}
