import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { CliError } from '../cli.exception';
import { runReindex } from '../reindex/reindex.runner';
import { contextOf } from './command-context';

interface ReindexOptions {
  from: string;
  interval: string;
  timeout: string;
}

/**
 * `convergence reindex <chainId> --from <block>`: starts a re-index and follows it with a progress
 * bar until the indexed block reaches the head the chain had at the start.
 */
export function registerReindexCommand(program: Command, env: NodeJS.ProcessEnv): void {
  program
    .command('reindex <chainId>')
    .description(
      're-index an EVM chain from a block, with a progress bar until it reaches the head (operator)',
    )
    .requiredOption('--from <block>', 'first block to index again')
    .option('--interval <ms>', 'how often to ask for progress', '1000')
    .option('--timeout <seconds>', 'stop following after this long (the re-index goes on)', '3600')
    .action(async (chainIdText: string, options: ReindexOptions, command: Command) => {
      const chainId = positiveInt(chainIdText, '<chainId>');
      if (!/^\d+$/.test(options.from))
        throw new CliError('config', `--from must be a block number, got "${options.from}"`);
      const { gateway, output } = contextOf(command, env);
      const pollIntervalMs = positiveInt(options.interval, '--interval');
      const timeoutMs = positiveInt(options.timeout, '--timeout') * 1000;
      const bar = new SingleBar({
        format: `chain ${chainId} {bar} {percentage}% | block {block} of {target} | {eta_formatted} left`,
        stream: output.progressStream,
        hideCursor: true,
        etaBuffer: 20,
        // Piped (CI logs, scripts): still print the bar, one line per second rather than redrawn.
        noTTYOutput: true,
        notTTYSchedule: 1000,
      });
      let started = false;
      let target: bigint;
      try {
        target = await runReindex(gateway, {
          chainId,
          fromBlock: BigInt(options.from),
          pollIntervalMs,
          timeoutMs,
          sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
          now: () => Date.now(),
          onProgress: (p) => {
            const payload = { block: p.indexedBlock?.toString() ?? '-', target: p.target.toString() };
            if (!started) bar.start(p.total, p.done, payload);
            else bar.update(p.done, payload);
            started = true;
          },
        });
      } finally {
        if (started) bar.stop();
      }
      output.out(`chain ${chainId} re-indexed from ${options.from} to ${target}`);
    });
}

function positiveInt(text: string, name: string): number {
  if (!/^\d+$/.test(text) || Number(text) <= 0)
    throw new CliError('config', `${name} must be a positive whole number, got "${text}"`);
  return Number(text);
}
