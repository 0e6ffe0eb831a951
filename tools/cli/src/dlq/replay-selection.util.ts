import { CliError } from '../cli.exception';
import type { ReplaySelection } from '../gateway/gateway.client';

/**
 * The replay request from `dlq replay` options: `--all`, or `--partition P --offsets a,b`, never
 * both and never neither.
 *
 * @example replaySelectionOf({ partition: '0', offsets: '3,7' }) // { partition: 0, offsets: ['3', '7'] }
 */
export function replaySelectionOf(options: {
  all?: boolean;
  partition?: string;
  offsets?: string;
}): ReplaySelection {
  const chosen = options.partition !== undefined || options.offsets !== undefined;
  if (options.all && chosen)
    throw new CliError('config', 'give either --all or --partition with --offsets, not both');
  if (options.all) return { all: true };
  if (options.partition === undefined || options.offsets === undefined) {
    throw new CliError('config', 'say what to replay: --all, or --partition <n> --offsets <a,b,…>');
  }
  if (!/^\d+$/.test(options.partition)) {
    throw new CliError('config', `--partition must be a partition number, got "${options.partition}"`);
  }
  const offsets = options.offsets.split(',').map((o) => o.trim());
  const bad = offsets.filter((o) => !/^\d+$/.test(o));
  if (offsets.length === 0 || bad.length > 0) {
    throw new CliError(
      'config',
      `--offsets must be comma-separated offsets such as 3,7; not offsets: ${bad.join(', ')}`,
    );
  }
  return { partition: Number(options.partition), offsets: [...new Set(offsets)] };
}
