import { homedir } from 'node:os';
import { join } from 'node:path';

/** Where downloaded tools (Kafka jars) are kept between runs: `$CONVERGENCE_CACHE_DIR` or `~/.cache/convergence`. */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return env['CONVERGENCE_CACHE_DIR'] || join(homedir(), '.cache', 'convergence');
}
