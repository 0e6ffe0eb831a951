/**
 * `nx run ops-checks:deploy-mainnet -- --release 1.4.0 --contracts-file deployments/mainnet.json`
 * The only way Convergence goes to mainnet: prints the pre-flight checklist (migrations, contracts
 * verified on Sourcify, multisig holding the admin roles), refuses unless every item passes, then
 * asks for `deploy <release> to mainnet` (or takes it from --confirm) and runs
 * `helm upgrade --install --atomic` with values-mainnet.yaml. Exit codes: 0 deployed, 2 refused, 1 error.
 */
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline/promises';
import { Command } from 'commander';
import { createPublicClient, http } from 'viem';
import { parse } from 'yaml';
import { ensureTool } from '../tools/ensure-tool';
import { inWorkspace, opsPaths, WORKSPACE_ROOT } from '../workspace';
import { confirmationPhraseFor } from './confirmation.util';
import { loadDeployEnv } from './deploy-env';
import { runMainnetDeploy } from './deploy-mainnet';
import { HelmDeployer } from './helm-deployer';
import { runMainnetPreflight } from './mainnet-preflight';
import type { ReleaseContracts } from './preflight.types';
import { SourcifyClient } from './sourcify.client';

const say = (line: string): void => void process.stdout.write(line + '\n');

async function main(): Promise<number> {
  const program = new Command('deploy-mainnet')
    .requiredOption('--release <version>', 'the release (image tag) to deploy, e.g. 1.4.0')
    .requiredOption(
      '--contracts-file <path>',
      'JSON { chainId, contracts: { <key>: { address, deployBlock } } } of the mainnet contracts',
    )
    .option('--values <path>', 'mainnet values file', inWorkspace(opsPaths.helmChart, 'values-mainnet.yaml'))
    .option('--expect-pending-migrations <n>', 'the number of pending migrations you reviewed', (v) =>
      Number.parseInt(v, 10),
    )
    .option('--confirm <phrase>', 'the confirmation phrase, for non-interactive use')
    .parse();
  const options = program.opts<{
    release: string;
    contractsFile: string;
    values: string;
    expectPendingMigrations?: number;
    confirm?: string;
  }>();
  const env = loadDeployEnv(process.env);
  const values: unknown = parse(readFileSync(options.values, 'utf8'));
  const deployment = JSON.parse(readFileSync(options.contractsFile, 'utf8')) as ReleaseContracts;
  const chain = createPublicClient({ transport: http(env.EVM_RPC_URL) });
  const helm = await ensureTool('helm', say);
  const outcome = await runMainnetDeploy(
    { release: options.release, confirm: options.confirm },
    {
      say,
      preflight: () =>
        runMainnetPreflight({
          root: WORKSPACE_ROOT,
          databaseUrl: env.DATABASE_URL,
          values,
          deployment,
          chain,
          sourcify: new SourcifyClient(env.SOURCIFY_URL),
          expectedPendingMigrations: options.expectPendingMigrations,
        }),
      deployer: new HelmDeployer(helm, inWorkspace(opsPaths.helmChart), options.values),
      ask: process.stdin.isTTY
        ? async (question) => {
            const rl = createInterface({ input: process.stdin, output: process.stdout });
            try {
              return await rl.question(question);
            } finally {
              rl.close();
            }
          }
        : undefined,
    },
  );
  if (!outcome.deployed && !options.confirm && !process.stdin.isTTY) {
    say(`(no terminal to ask: pass --confirm "${confirmationPhraseFor(options.release)}")`);
  }
  return outcome.deployed ? 0 : 2;
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    process.stderr.write(`deploy-mainnet: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
