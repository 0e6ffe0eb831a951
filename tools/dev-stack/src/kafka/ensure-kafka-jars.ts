import { existsSync } from 'node:fs';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { defaultCacheDir } from '../cache-dir';
import { runCommand } from '../process/run-command';
import { requireJava, requireMaven } from './java-tools';
import { kafkaPom } from './kafka-pom';
import { KAFKA_VERSION, MAVEN_DEPENDENCY_PLUGIN } from './kafka-version';

const MARKER = '.resolved';

/** `<cacheDir>/kafka-<version>`: holds pom.xml, libs/ and the marker. */
export function kafkaHome(cacheDir = defaultCacheDir()): string {
  return join(cacheDir, `kafka-${KAFKA_VERSION}`);
}

/**
 * Makes sure the Kafka broker's jars are in `<cacheDir>/kafka-<version>/libs` and returns that folder.
 * The first call resolves them with Maven (from Maven Central, into ~/.m2 as usual, then copied);
 * later calls return at once. The marker file is written last, so an interrupted download is redone;
 * the jars are copied into a private folder and renamed into place, so concurrent callers do not clash.
 */
export async function ensureKafkaJars(cacheDir = defaultCacheDir()): Promise<string> {
  const home = kafkaHome(cacheDir);
  const libs = join(home, 'libs');
  if (existsSync(join(home, MARKER)) && existsSync(libs)) return libs;

  requireJava();
  const mvn = requireMaven();
  await mkdir(home, { recursive: true });
  const pom = join(home, 'pom.xml');
  await writeFile(pom, kafkaPom());

  const staging = join(home, `libs.staging-${process.pid}-${Date.now()}`);
  try {
    await runCommand(mvn, [
      '--batch-mode',
      '--quiet',
      '--file',
      pom,
      `${MAVEN_DEPENDENCY_PLUGIN}:copy-dependencies`,
      `-DoutputDirectory=${staging}`,
      '-DincludeScope=runtime',
    ]);
    const jars = (await readdir(staging)).filter((name) => name.endsWith('.jar'));
    if (!jars.some((name) => name.startsWith('kafka_2.13-'))) {
      throw new Error(
        `Maven finished but ${staging} holds no kafka_2.13 jar (found: ${jars.join(', ') || 'nothing'})`,
      );
    }
    if (existsSync(join(home, MARKER)) && existsSync(libs)) return libs; // another process finished first
    await rm(libs, { recursive: true, force: true });
    await rename(staging, libs);
    await writeFile(join(home, MARKER), `${new Date().toISOString()}\n`);
    return libs;
  } catch (error) {
    throw new Error(
      `Could not download the Kafka ${KAFKA_VERSION} jars with Maven into ${libs}. ` +
        'Check that Maven Central (https://repo.maven.apache.org) is reachable, or your ~/.m2/settings.xml mirror/proxy. ' +
        'Alternatively set KAFKA_BROKERS=host:port to use an existing broker.',
      { cause: error },
    );
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
