import type { Command } from 'commander';
import { CliError } from '../cli.exception';
import { replaySelectionOf } from '../dlq/replay-selection.util';
import { toJson } from '../output/output';
import { renderTable } from '../output/text-table.util';
import { contextOf } from './command-context';

/** `convergence dlq list|replay <topic>`: dead letters of a topic, and putting them back (operator). */
export function registerDlqCommand(program: Command, env: NodeJS.ProcessEnv): void {
  const dlq = program.command('dlq').description("read and replay a topic's dead letters (operator)");
  dlq
    .command('list <topic>')
    .description('dead letters of <topic> (or <topic>.dlq), oldest first')
    .option('--limit <n>', 'at most this many', '50')
    .action(async (topic: string, options: { limit: string }, command: Command) => {
      if (!/^\d+$/.test(options.limit) || Number(options.limit) < 1 || Number(options.limit) > 500) {
        throw new CliError('config', `--limit must be 1 to 500, got "${options.limit}"`);
      }
      const { gateway, output } = contextOf(command, env);
      const letters = await gateway.deadLetters(topic, Number(options.limit));
      if (output.json) return output.out(toJson(letters));
      const rows = letters.map((l) => [
        String(l.partition),
        l.offset,
        l.eventType ?? '',
        l.eventId ?? '',
        l.failedAt ?? '',
        l.error ?? '',
      ]);
      output.out(renderTable(['partition', 'offset', 'type', 'event id', 'failed at', 'error'], rows));
      output.err(`${letters.length} dead letter${letters.length === 1 ? '' : 's'}`);
    });
  dlq
    .command('replay <topic>')
    .description('put dead letters back on <topic>: --all, or --partition P --offsets a,b')
    .option('--all', 'every dead letter of the topic')
    .option('--partition <n>', 'partition of the dead-letter topic')
    .option('--offsets <list>', 'comma-separated offsets in that partition')
    .action(
      async (
        topic: string,
        options: { all?: boolean; partition?: string; offsets?: string },
        command: Command,
      ) => {
        const selection = replaySelectionOf(options);
        const { gateway, output } = contextOf(command, env);
        const replayed = await gateway.replayDeadLetters(topic, selection);
        output.out(
          output.json
            ? toJson({ replayed })
            : `replayed ${replayed} dead letter${replayed === 1 ? '' : 's'} onto ${topic.replace(/\.dlq$/, '')}`,
        );
      },
    );
}
