import { join } from 'node:path';
import { runOrThrow } from '../tools/run-command';
import type { ReleaseDeployer } from './deploy-mainnet';

/** `helm upgrade --install` of the chart with the mainnet values and the release as image tag, atomically. */
export class HelmDeployer implements ReleaseDeployer {
  constructor(
    private readonly helm: string,
    private readonly chartDir: string,
    private readonly valuesFile: string,
    private readonly namespace = 'convergence-mainnet',
  ) {}

  /** The exact helm arguments for a release (shown in --dry-run). */
  argsFor(release: string): string[] {
    return [
      'upgrade',
      '--install',
      'convergence',
      this.chartDir,
      '--namespace',
      this.namespace,
      '-f',
      this.valuesFile,
      '--set',
      `image.tag=${release}`,
      '--atomic',
      '--wait',
      '--timeout',
      '15m',
    ];
  }

  async deploy(release: string): Promise<void> {
    await runOrThrow(this.helm, this.argsFor(release), { cwd: join(this.chartDir, '..') });
  }
}
