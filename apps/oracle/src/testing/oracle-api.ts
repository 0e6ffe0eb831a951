import { eventually } from '@convergence/messaging/testing';
import type { Hex } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import type { TestMarketChain } from './test-market-chain';

/** Waits until the oracle under test has synced a market from the chain (GET /markets/:id answers 200). */
export async function waitForMarket(oracleUrl: string, marketId: bigint): Promise<void> {
  await eventually(
    async () => ((await fetch(`${oracleUrl}/markets/${marketId}`)).status === 200 ? true : undefined),
    20_000,
    `market ${marketId} synced`,
  );
}

/** Submits a staker's opinion as a frontend does: the text with the staker's signature over its hash. */
export async function postOpinion(
  oracleUrl: string,
  chain: TestMarketChain,
  marketId: bigint,
  key: Hex,
  text: string,
): Promise<Response> {
  return fetch(`${oracleUrl}/markets/${marketId}/opinions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      staker: privateKeyToAccount(key).address,
      text,
      signature: await chain.signOpinion(key, text),
    }),
  });
}
