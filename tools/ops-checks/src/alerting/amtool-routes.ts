import { runCommand } from '../tools/run-command';

/** The receivers amtool resolves for a label set in a config file (`amtool config routes test`). */
export async function resolveReceivers(
  amtool: string,
  configFile: string,
  labels: Record<string, string>,
): Promise<string[]> {
  const args = [
    'config',
    'routes',
    'test',
    `--config.file=${configFile}`,
    ...Object.entries(labels).map(([k, v]) => `${k}=${v}`),
  ];
  const result = await runCommand(amtool, args);
  if (result.code !== 0) throw new Error(`amtool ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout
    .trim()
    .split(',')
    .map((r) => r.trim())
    .filter(Boolean);
}

/** Runs `work` over `items` with at most `limit` at a time (amtool is a process per call). */
export async function mapLimited<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
