import type { PublicClient } from 'viem';
import type { PreflightResult, ReleaseContracts } from './preflight.types';
import type { SourcifyClient } from './sourcify.client';

/**
 * Pre-flight item `contracts-verified`: the RPC serves the deployment's chain, every contract of
 * the deployment has code there, and Sourcify holds its verified source (match or exact_match).
 */
export async function checkContractsVerified(
  deployment: ReleaseContracts,
  chain: PublicClient,
  sourcify: SourcifyClient,
): Promise<PreflightResult> {
  const details: string[] = [];
  let ok = true;
  const chainId = await chain.getChainId();
  if (chainId !== deployment.chainId) {
    return {
      item: 'contracts-verified',
      ok: false,
      details: [`the RPC serves chain ${chainId}, the deployment is on ${deployment.chainId}`],
    };
  }
  for (const [key, contract] of Object.entries(deployment.contracts)) {
    if (!contract) continue;
    const { address } = contract;
    const code = await chain.getCode({ address });
    if (!code || code === '0x') {
      ok = false;
      details.push(`${key} ${address}: no contract code on chain ${chainId}`);
      continue;
    }
    const match = await sourcify.matchOf(chainId, address);
    if (match !== 'exact_match' && match !== 'match') ok = false;
    details.push(`${key} ${address}: ${match ?? 'not verified on Sourcify'}`);
  }
  return { item: 'contracts-verified', ok, details };
}
