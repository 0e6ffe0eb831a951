import { existsSync, readFileSync } from 'node:fs';
import Module from 'node:module';
import { dirname, join, resolve } from 'node:path';

/** The workspace root: the nearest folder above `from` holding tsconfig.base.json. */
export function findWorkspaceRoot(from = __dirname): string {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'tsconfig.base.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`No tsconfig.base.json found above ${from}`);
  }
}

type Resolve = (request: string, parent: unknown, ...rest: unknown[]) => string;
const REGISTERED = Symbol.for('convergence.dev-stack.workspace-paths');

/**
 * Lets Node's require resolve the `@convergence/*` aliases of tsconfig.base.json `paths` to their sources.
 * Needed where no tool does it: a Jest globalSetup (Jest's moduleNameMapper applies only inside tests) and
 * `node -r @swc-node/register` without SWC_NODE_PROJECT (the stack's Hardhat part imports
 * `@convergence/contracts`). Compiling the .ts targets stays the job of the active hook (swc-node, Jest).
 * Idempotent.
 */
export function registerWorkspacePaths(root = findWorkspaceRoot()): void {
  const moduleWithResolve = Module as unknown as { _resolveFilename: Resolve } & Record<symbol, boolean>;
  if (moduleWithResolve[REGISTERED]) return;
  const { compilerOptions = {} } = JSON.parse(readFileSync(join(root, 'tsconfig.base.json'), 'utf8')) as {
    compilerOptions?: { baseUrl?: string; paths?: Record<string, string[]> };
  };
  const base = join(root, compilerOptions.baseUrl ?? '.');
  const aliases = Object.entries(compilerOptions.paths ?? {}).flatMap(([pattern, targets]) =>
    targets[0] ? [{ pattern, target: join(base, targets[0]) }] : [],
  );
  const original = moduleWithResolve._resolveFilename;
  moduleWithResolve._resolveFilename = function resolveWithAliases(request, parent, ...rest) {
    return original.call(this, mapAlias(request, aliases) ?? request, parent, ...rest);
  };
  moduleWithResolve[REGISTERED] = true;
}

function mapAlias(request: string, aliases: Array<{ pattern: string; target: string }>): string | undefined {
  for (const { pattern, target } of aliases) {
    if (pattern === request) return target;
    const star = pattern.indexOf('*');
    if (star < 0) continue;
    const [prefix, suffix] = [pattern.slice(0, star), pattern.slice(star + 1)];
    if (
      request.startsWith(prefix) &&
      request.endsWith(suffix) &&
      request.length >= prefix.length + suffix.length
    ) {
      return target.replace('*', request.slice(prefix.length, request.length - suffix.length));
    }
  }
  return undefined;
}
