/**
 * Compiles libs/contracts/solidity with solc-js and writes libs/contracts/src/generated/*.ts.
 *
 *   node -r @swc-node/register libs/contracts/scripts/generate.ts          # write
 *   node -r @swc-node/register libs/contracts/scripts/generate.ts --check  # verify, exit 1 when stale
 */

import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import solc from 'solc';
import { compileSolidity } from './compile-solidity';
import { renderGenerated } from './render-generated';

const projectRoot = resolve(__dirname, '..');
const generatedDir = join(projectRoot, 'src', 'generated');

interface Drift {
  stale: string[];
  missing: string[];
  extra: string[];
}

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const started = Date.now();
  const { contracts, warnings } = compileSolidity(projectRoot);
  for (const warning of warnings) console.warn(warning);
  const compilerVersion = solc.version();
  const files = await renderGenerated(contracts, generatedDir, compilerVersion);
  const drift = compare(files);
  const took = `${((Date.now() - started) / 1000).toFixed(1)}s`;
  const changed = drift.stale.length + drift.missing.length + drift.extra.length;

  if (check) {
    if (changed === 0) {
      console.log(
        `contracts: ${files.size} generated files are up to date (solc ${compilerVersion}, ${took}).`,
      );
      return;
    }
    console.error('contracts: generated files are out of date. Run `npx nx run contracts:generate`.');
    for (const file of drift.stale) console.error(`  stale:   src/generated/${file}`);
    for (const file of drift.missing) console.error(`  missing: src/generated/${file}`);
    for (const file of drift.extra) console.error(`  extra:   src/generated/${file}`);
    process.exitCode = 1;
    return;
  }

  mkdirSync(generatedDir, { recursive: true });
  for (const file of [...drift.stale, ...drift.missing])
    writeFileSync(join(generatedDir, file), files.get(file) ?? '');
  for (const file of drift.extra) rmSync(join(generatedDir, file));
  const names = contracts.map((c) => c.name).join(', ');
  console.log(
    `contracts: compiled ${names} with solc ${compilerVersion} in ${took}; ${changed} file(s) changed.`,
  );
}

/** Differences between the rendered files and what is on disk (extra = generated .ts no longer produced). */
function compare(files: Map<string, string>): Drift {
  const drift: Drift = { stale: [], missing: [], extra: [] };
  for (const [file, content] of files) {
    const path = join(generatedDir, file);
    if (!existsSync(path)) drift.missing.push(file);
    else if (readFileSync(path, 'utf8') !== content) drift.stale.push(file);
  }
  const onDisk = existsSync(generatedDir) ? readdirSync(generatedDir).filter((f) => f.endsWith('.ts')) : [];
  drift.extra = onDisk.filter((file) => !files.has(file)).sort();
  return drift;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
