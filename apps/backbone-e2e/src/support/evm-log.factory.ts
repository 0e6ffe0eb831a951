import { randomBytes } from 'node:crypto';
import type { TopicData, topics } from '@convergence/schemas';

type EvmLog = TopicData<typeof topics.chainEvmLog>;

export const randomAddress = (): string => `0x${randomBytes(20).toString('hex')}`;
const randomHash = (): string => `0x${randomBytes(32).toString('hex')}`;

/** A decoded ERC-20 Transfer as the indexer publishes it; each call is a distinct log. */
export function transferLog(from: string, to: string, value = '1000', blockNumber = 1): EvmLog {
  return {
    chainId: 31337,
    blockNumber: String(blockNumber),
    blockHash: randomHash(),
    blockTime: new Date(Date.UTC(2026, 0, 1) + blockNumber * 12_000).toISOString(),
    txHash: randomHash(),
    logIndex: 0,
    address: `0x${'7'.repeat(40)}`,
    contract: 'TrustToken',
    eventName: 'Transfer',
    args: { from, to, value },
    confirmed: true,
  };
}
