import { HelmDeployer } from './helm-deployer';

describe(HelmDeployer.name, () => {
  it('upgrades atomically with the mainnet values and the release as the image tag', () => {
    const deployer = new HelmDeployer(
      'helm',
      '/repo/deploy/helm/convergence',
      '/repo/deploy/helm/convergence/values-mainnet.yaml',
    );
    expect(deployer.argsFor('1.4.0')).toEqual([
      'upgrade',
      '--install',
      'convergence',
      '/repo/deploy/helm/convergence',
      '--namespace',
      'convergence-mainnet',
      '-f',
      '/repo/deploy/helm/convergence/values-mainnet.yaml',
      '--set',
      'image.tag=1.4.0',
      '--atomic',
      '--wait',
      '--timeout',
      '15m',
    ]);
  });
});
