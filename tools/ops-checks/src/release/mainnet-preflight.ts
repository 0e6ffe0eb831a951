import type { PublicClient } from 'viem';
import { checkContractsVerified } from './contracts.preflight';
import { checkMigrations } from './migrations.preflight';
import { checkMultisig } from './multisig.preflight';
import type { PreflightResult, ReleaseContracts } from './preflight.types';
import type { SourcifyClient } from './sourcify.client';

/** Everything the checklist looks at. */
export interface MainnetPreflightInputs {
  /** The release's source tree (its apps/<app>/src/migrations). */
  root: string;
  databaseUrl: string;
  /** Parsed values-mainnet.yaml. */
  values: unknown;
  /** The contracts the release works with (the dev stack's DemoDeployment JSON shape). */
  deployment: ReleaseContracts;
  chain: PublicClient;
  sourcify: SourcifyClient;
  /** How many pending migrations the operator reviewed (--expect-pending-migrations). */
  expectedPendingMigrations?: number;
}

/**
 * The mainnet pre-flight checklist: values are mainnet's, migrations reviewed, contracts verified,
 * multisig configured. Each item runs even when an earlier one failed, so the operator sees all.
 */
export async function runMainnetPreflight(inputs: MainnetPreflightInputs): Promise<PreflightResult[]> {
  const environment = (inputs.values as { environment?: unknown } | null)?.environment;
  return [
    {
      item: 'release-values',
      ok: environment === 'mainnet',
      details: [
        `values environment: ${String(environment)}${environment === 'mainnet' ? '' : ' (must be mainnet)'}`,
      ],
    },
    await checkMigrations(inputs.root, inputs.databaseUrl, inputs.expectedPendingMigrations),
    await checkContractsVerified(inputs.deployment, inputs.chain, inputs.sourcify),
    await checkMultisig(inputs.values, inputs.deployment, inputs.chain),
  ];
}
