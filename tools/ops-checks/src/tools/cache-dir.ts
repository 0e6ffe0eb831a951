import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where obtained tools are kept between runs: `$CONVERGENCE_CACHE_DIR/tools`, by default
 * `~/.cache/convergence/tools` (the same cache root the dev stack uses for Kafka's jars).
 */
export function toolsCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(env['CONVERGENCE_CACHE_DIR'] || join(homedir(), '.cache', 'convergence'), 'tools');
}
