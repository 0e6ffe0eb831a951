import { type ContractName, type DemoDeployment, demoContractKinds } from '@convergence/contracts';
import { parse } from 'yaml';
import type { ZodIssue } from 'zod';
import type { ChainConfig, SourceConfig } from './chain-config.model';
import { ChainsConfigError } from './chains-config.error';
import { chainsFileSchema } from './chains-config.schema';

/**
 * The chains of a chains file's text (YAML, or JSON which is YAML too), validated. Throws
 * ChainsConfigError listing each bad node by its path, e.g. `chains[0].sources[1].contract: …`.
 *
 * @example
 * chainsOfFileText('chains:\n  - chainId: 1\n    name: mainnet\n    rpcUrls: [https://…]\n    sources: […]', 'chains.yaml')
 */
export function chainsOfFileText(text: string, file: string): ChainConfig[] {
  let document: unknown;
  try {
    document = parse(text);
  } catch (cause) {
    throw new ChainsConfigError(`${file} is not valid YAML or JSON`, [String(cause)], { cause });
  }
  const parsed = chainsFileSchema.safeParse(document);
  if (!parsed.success) throw new ChainsConfigError(`${file} is invalid`, parsed.error.issues.map(problemOf));
  return parsed.data;
}

/**
 * The zero-config chain `npm start` gets: the dev stack's RPC URL and every demo contract as a
 * source from block 0, decoded with the ABI of its contract kind.
 *
 * @example
 * chainOfDemoDeployment(deployment, { rpcUrl: 'http://127.0.0.1:8545', confirmations: 0, finalityDepth: 12 })
 */
export function chainOfDemoDeployment(
  deployment: DemoDeployment,
  options: { rpcUrl: string; chainId?: number; confirmations: number; finalityDepth: number },
): ChainConfig {
  const byContract = new Map<ContractName, SourceConfig['addresses'][number][]>();
  for (const [key, deployed] of Object.entries(deployment.contracts)) {
    const contract = demoContractKinds[key as keyof typeof demoContractKinds];
    if (!contract) throw new ChainsConfigError(`demo deployment names an unknown contract "${key}"`);
    const list = byContract.get(contract) ?? [];
    list.push({ address: deployed.address, startBlock: 0n });
    byContract.set(contract, list);
  }
  return {
    chainId: options.chainId ?? deployment.chainId,
    name: `chain-${options.chainId ?? deployment.chainId}`,
    rpcUrls: [options.rpcUrl],
    confirmations: options.confirmations,
    finalityDepth: options.finalityDepth,
    sources: [...byContract].map(([contract, addresses]) => ({ contract, addresses })),
  };
}

function problemOf(issue: ZodIssue): string {
  const path = issue.path.reduce<string>(
    (text, part) => (typeof part === 'number' ? `${text}[${part}]` : text ? `${text}.${part}` : part),
    '',
  );
  return `${path || '(file)'}: ${issue.message}`;
}
