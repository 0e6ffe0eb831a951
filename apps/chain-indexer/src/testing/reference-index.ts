import { transferBurstAbi } from '@convergence/contracts';
import {
  type Address,
  type Chain,
  decodeEventLog,
  getAddress,
  type PublicClient,
  type Transport,
} from 'viem';
import type { ComparableLog } from './chain-events.reader';

/**
 * What a fresh index of the chain as it is now holds, read with viem's own client and decoder (a
 * path independent of the indexer's): every TransferBurst log of `addresses` from block 0 to the head.
 */
export async function referenceIndex(
  client: PublicClient<Transport, Chain>,
  addresses: readonly Address[],
): Promise<{ head: bigint; logs: Map<string, ComparableLog> }> {
  const head = await client.getBlockNumber();
  const logs = await client.getLogs({ address: [...addresses], fromBlock: 0n, toBlock: head });
  const times = new Map<bigint, string>();
  const expected = new Map<string, ComparableLog>();
  for (const log of logs) {
    if (!times.has(log.blockNumber)) {
      const block = await client.getBlock({ blockNumber: log.blockNumber });
      times.set(log.blockNumber, new Date(Number(block.timestamp) * 1_000).toISOString());
    }
    const decoded = decodeEventLog({
      abi: transferBurstAbi,
      data: log.data,
      topics: log.topics,
      strict: true,
    });
    // TransferBurst's events (Transfer, RoleGranted, …) have only addresses, bytes32 and uints.
    const args = Object.fromEntries(
      Object.entries(decoded.args as Record<string, unknown>).map(([k, v]) => [
        k,
        typeof v === 'bigint' ? v.toString() : (v as string),
      ]),
    );
    expected.set(`${client.chain.id}:${log.blockHash.toLowerCase()}:${log.logIndex}`, {
      chainId: client.chain.id,
      blockNumber: log.blockNumber.toString(),
      blockHash: log.blockHash,
      blockTime: times.get(log.blockNumber)!,
      txHash: log.transactionHash,
      logIndex: log.logIndex,
      address: getAddress(log.address),
      contract: 'TransferBurst',
      eventName: decoded.eventName,
      args,
    });
  }
  return { head, logs: expected };
}
