import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import solc from 'solc';

/** One contract that has deployable bytecode (abstract contracts and interfaces are skipped). */
export interface CompiledContract {
  name: string;
  sourceUnit: string;
  abi: unknown[];
  bytecode: string;
}

interface SolcMessage {
  severity: 'error' | 'warning' | 'info';
  formattedMessage: string;
}

interface SolcOutput {
  errors?: SolcMessage[];
  contracts?: Record<string, Record<string, { abi: unknown[]; evm: { bytecode: { object: string } } }>>;
}

/** Settings shared by every build, so bytecode is reproducible from the sources alone. */
export const solcSettings = {
  optimizer: { enabled: true, runs: 200 },
  evmVersion: 'cancun',
  outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object'] } },
} as const;

/** Source units (`solidity/Foo.sol`) under `projectRoot/solidity`, sorted, with normalised line endings. */
export function readSources(projectRoot: string): Record<string, { content: string }> {
  const root = join(projectRoot, 'solidity');
  const files = listSolidityFiles(root).sort();
  return Object.fromEntries(
    files.map((file) => [toUnitName(projectRoot, file), { content: readText(file) }]),
  );
}

/**
 * Compiles every source under `projectRoot/solidity` with solc-js, fully offline.
 * @example const contracts = compileSolidity('libs/contracts'); // [{ name: 'DemoToken', abi, bytecode }, ...]
 */
export function compileSolidity(projectRoot: string): { contracts: CompiledContract[]; warnings: string[] } {
  const sources = readSources(projectRoot);
  const input = { language: 'Solidity', sources, settings: solcSettings };
  const output = JSON.parse(solc.compile(JSON.stringify(input), { import: resolveImport })) as SolcOutput;
  const messages = output.errors ?? [];
  const errors = messages.filter((message) => message.severity === 'error');
  if (errors.length > 0) {
    throw new Error(`solc ${solc.version()} failed:\n${errors.map((e) => e.formattedMessage).join('\n')}`);
  }
  const contracts: CompiledContract[] = [];
  for (const sourceUnit of Object.keys(sources)) {
    for (const [name, artifact] of Object.entries(output.contracts?.[sourceUnit] ?? {})) {
      if (artifact.evm.bytecode.object) {
        contracts.push({
          name,
          sourceUnit,
          abi: artifact.abi,
          bytecode: `0x${artifact.evm.bytecode.object}`,
        });
      }
    }
  }
  contracts.sort((a, b) => a.name.localeCompare(b.name));
  const warnings = messages.filter((m) => m.severity === 'warning').map((m) => m.formattedMessage);
  return { contracts, warnings };
}

/** solc import callback: package imports (`@openzeppelin/...`) are read from node_modules. */
function resolveImport(importPath: string): { contents: string } | { error: string } {
  const match = /^(@[^/]+\/[^/]+|[^@/][^/]*)\/(.+)$/.exec(importPath);
  if (!match) return { error: `Unsupported import "${importPath}"` };
  const [, packageName, inner] = match;
  try {
    const packageDir = dirname(require.resolve(`${packageName}/package.json`));
    return { contents: readText(join(packageDir, inner)) };
  } catch (error) {
    return { error: `Cannot resolve "${importPath}": ${(error as Error).message}` };
  }
}

function listSolidityFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return listSolidityFiles(path);
    return entry.name.endsWith('.sol') ? [path] : [];
  });
}

function toUnitName(projectRoot: string, file: string): string {
  return relative(projectRoot, file).split(sep).join('/');
}

// CRLF checkouts would otherwise change the metadata hash embedded in the bytecode.
function readText(file: string): string {
  return readFileSync(file, 'utf8').replace(/\r\n/g, '\n');
}
