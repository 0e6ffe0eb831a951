import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toolsCacheDir } from './cache-dir';
import { runCommand, runOrThrow } from './run-command';

/** The external programs the deploy checks run. */
export type OpsTool = 'promtool' | 'amtool' | 'helm';

/** Helm is built from its Go module (GitHub release downloads are not reachable from CI). */
export const HELM_VERSION = 'v3.22.0';

type ToolSource =
  | { kind: 'debian'; package: string; binary: string }
  | { kind: 'go'; module: string; version: string; binary: string };

/** Where each tool comes from when it is not on PATH: Debian's packages, or the Go module proxy. */
export const toolSources: Record<OpsTool, ToolSource> = {
  promtool: { kind: 'debian', package: 'prometheus', binary: 'usr/bin/promtool' },
  amtool: { kind: 'debian', package: 'prometheus-alertmanager', binary: 'usr/bin/amtool' },
  helm: { kind: 'go', module: 'helm.sh/helm/v3/cmd/helm', version: HELM_VERSION, binary: 'helm' },
};

/** Says what the tool acquisition is doing (it can take minutes the first time). */
export type ToolLog = (message: string) => void;

/**
 * The path of a working `tool`: the one on PATH, else the one cached under ~/.cache/convergence/tools,
 * else obtained now and cached — Debian packages are fetched with `apt-get download` and unpacked
 * with `dpkg -x` (no root needed; as root, `apt-get update` first when the package lists are
 * missing), Helm is built with `go install` through the Go module proxy.
 *
 * @example const promtool = await ensureTool('promtool', (m) => process.stdout.write(m + '\n'));
 */
export async function ensureTool(tool: OpsTool, log: ToolLog): Promise<string> {
  if (await answersVersion(tool)) return tool;
  const source = toolSources[tool];
  const cached = cachedPath(source);
  if (existsSync(cached) && (await answersVersion(cached))) return cached;
  switch (source.kind) {
    case 'debian':
      await extractDebianPackage(source.package, log);
      break;
    case 'go':
      await goInstall(source, log);
      break;
  }
  if (!(await answersVersion(cached)))
    throw new Error(`${tool} was obtained into ${cached} but does not run`);
  return cached;
}

function cachedPath(source: ToolSource): string {
  return source.kind === 'debian'
    ? join(toolsCacheDir(), 'debian', source.package, source.binary)
    : join(toolsCacheDir(), `helm-${source.version}`, source.binary);
}

async function answersVersion(path: string): Promise<boolean> {
  const args = path.endsWith('helm') ? ['version', '--short'] : ['--version'];
  try {
    return (await runCommand(path, args)).code === 0;
  } catch {
    return false; // not found
  }
}

async function extractDebianPackage(pkg: string, log: ToolLog): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'ops-checks-deb-'));
  try {
    log(`fetching Debian package ${pkg} (apt-get download)`);
    let download = await runCommand('apt-get', ['download', pkg], { cwd: work });
    if (download.code !== 0 && process.getuid?.() === 0) {
      log('apt-get download failed; running apt-get update first');
      await runOrThrow('apt-get', ['update']);
      download = await runCommand('apt-get', ['download', pkg], { cwd: work });
    }
    if (download.code !== 0) {
      throw new Error(
        `apt-get download ${pkg} failed (is this Debian/Ubuntu with package lists?):\n${download.stderr}`,
      );
    }
    const deb = readdirSync(work).find((name) => name.endsWith('.deb'));
    if (!deb) throw new Error(`apt-get download ${pkg} produced no .deb file`);
    const target = join(toolsCacheDir(), 'debian', pkg);
    rmSync(target, { recursive: true, force: true });
    mkdirSync(target, { recursive: true });
    await runOrThrow('dpkg', ['-x', join(work, deb), target]);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

async function goInstall(source: Extract<ToolSource, { kind: 'go' }>, log: ToolLog): Promise<void> {
  const go = ['go', '/usr/local/go/bin/go'];
  let goBinary: string | undefined;
  for (const candidate of go) {
    if ((await runCommand(candidate, ['version']).catch(() => undefined))?.code === 0) {
      goBinary = candidate;
      break;
    }
  }
  if (!goBinary) {
    throw new Error(
      `building ${source.module}@${source.version} needs a Go toolchain (go 1.24+) on PATH or in /usr/local/go`,
    );
  }
  const target = join(toolsCacheDir(), `helm-${source.version}`);
  log(
    `building ${source.module}@${source.version} with ${goBinary} install (Go module proxy); a few minutes the first time`,
  );
  const result = await runCommand(goBinary, ['install', `${source.module}@${source.version}`], {
    env: { ...process.env, GOBIN: target, CGO_ENABLED: '0' },
  });
  if (result.code !== 0)
    throw new Error(`go install ${source.module}@${source.version} failed:\n${result.stderr}`);
}
