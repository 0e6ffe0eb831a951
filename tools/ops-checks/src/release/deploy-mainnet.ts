import { confirmationPhraseFor, isConfirmed, releaseProblem } from './confirmation.util';
import { formatChecklist, type PreflightResult } from './preflight.types';

/** Applies a release to the cluster (HelmDeployer in production). */
export interface ReleaseDeployer {
  deploy(release: string): Promise<void>;
}

/** What runMainnetDeploy needs from the outside; tests pass their own. */
export interface MainnetDeployDeps {
  preflight: () => Promise<PreflightResult[]>;
  deployer: ReleaseDeployer;
  /** Asks the operator for the confirmation phrase when it was not given up front (a TTY). */
  ask?: (question: string) => Promise<string>;
  say: (line: string) => void;
}

export interface MainnetDeployOutcome {
  deployed: boolean;
  /** Why it refused (empty when deployed). */
  reasons: string[];
}

/**
 * The only path to mainnet: a version-like release, the pre-flight checklist all green, then the
 * operator types `deploy <release> to mainnet` (or passes it as --confirm) — only then the deployer
 * runs. Refuses, naming why, at the first failed step; a failing checklist never asks to confirm.
 *
 * @example await runMainnetDeploy({ release: '1.4.0', confirm: 'deploy 1.4.0 to mainnet' }, deps)
 */
export async function runMainnetDeploy(
  options: { release: string; confirm?: string },
  deps: MainnetDeployDeps,
): Promise<MainnetDeployOutcome> {
  const badRelease = releaseProblem(options.release);
  if (badRelease) return refuse(deps, [badRelease]);
  deps.say(`Pre-flight checklist for ${options.release} on mainnet:`);
  const results = await deps.preflight();
  deps.say(formatChecklist(results));
  const failed = results.filter((r) => !r.ok);
  if (failed.length)
    return refuse(
      deps,
      failed.map((r) => `pre-flight item ${r.item} failed`),
    );
  const phrase = confirmationPhraseFor(options.release);
  const typed = options.confirm ?? (deps.ask ? await deps.ask(`Type "${phrase}" to deploy: `) : undefined);
  if (!isConfirmed(options.release, typed)) {
    return refuse(deps, [`not confirmed: type exactly "${phrase}" (or pass --confirm "${phrase}")`]);
  }
  deps.say(`Deploying ${options.release} to mainnet...`);
  await deps.deployer.deploy(options.release);
  deps.say(`Deployed ${options.release}.`);
  return { deployed: true, reasons: [] };
}

function refuse(deps: MainnetDeployDeps, reasons: string[]): MainnetDeployOutcome {
  deps.say(`Refusing to deploy to mainnet:\n${reasons.map((r) => `  - ${r}`).join('\n')}`);
  return { deployed: false, reasons };
}
