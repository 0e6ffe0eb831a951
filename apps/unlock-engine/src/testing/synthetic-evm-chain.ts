// Test fixture: TRUST transfers on a chain of their own, as the chain-indexer publishes them
// (chain.evm.log.v1 / chain.evm.reorg.v1 envelopes, same ids, decoding and checksummed args), for
// scenarios Hardhat cannot replay block for block (an A→B→A flip). A chain id of its own keeps the
// scenario's logs out of the other test files' engines, which consume the same topics: to them
// another chain's logs are activity only, never balances or confirmations.
import { randomBytes, randomInt } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type DemoDeployment, demoContractKinds } from '@convergence/contracts';
import { createEnvelope, topics } from '@convergence/schemas';
import { getAddress } from 'viem';
import type { EvmLogEnvelope, EvmReorgEnvelope } from './hardhat-chain.fixture';

const ZERO = `0x${'0'.repeat(40)}`;

/** A block of the synthetic chain: where a branch's logs sit. */
export interface SyntheticBlock {
  readonly number: bigint;
  readonly hash: string;
  readonly time: Date;
}

/** A TRUST move; `from` omitted: a mint. Amounts in base units. */
export interface TrustMove {
  readonly to: string;
  readonly value: bigint;
  readonly from?: string;
}

export class SyntheticEvmChain {
  readonly chainId = randomInt(900_000, 999_999);
  private readonly deployment: DemoDeployment;

  constructor(contractsFile = process.env['TEST_CONTRACTS_FILE'] ?? '') {
    if (!contractsFile)
      throw new Error('TEST_CONTRACTS_FILE is not set: run under the dev-stack Jest global setup');
    this.deployment = JSON.parse(readFileSync(contractsFile, 'utf8')) as DemoDeployment;
  }

  private readonly file = join(tmpdir(), `unlock-engine-synthetic-${this.chainId}.json`);

  /** The demo deployment as this chain's (for the engine's CONTRACTS_FILE), written to a temp file. */
  contractsFile(): string {
    writeFileSync(this.file, JSON.stringify({ ...this.deployment, chainId: this.chainId }));
    return this.file;
  }

  /** Removes the temp contracts file. */
  dispose(): void {
    rmSync(this.file, { force: true });
  }

  /** A wallet nobody used before (lowercase). */
  freshWallet(): string {
    return `0x${randomBytes(20).toString('hex')}`;
  }

  block(number: bigint, time: Date): SyntheticBlock {
    return { number, hash: `0x${randomBytes(32).toString('hex')}`, time };
  }

  /** The block's TRUST Transfer logs, one per move in order, as the indexer publishes them. */
  transfers(block: SyntheticBlock, moves: readonly TrustMove[], confirmed: boolean): EvmLogEnvelope[] {
    const address = getAddress(this.deployment.contracts.trust.address);
    return moves.map((move, logIndex) =>
      createEnvelope(topics.chainEvmLog, {
        id: `${this.chainId}:${block.hash}:${logIndex}`,
        source: 'chain-indexer',
        subject: `${address.toLowerCase()}:Transfer`,
        time: block.time,
        data: {
          chainId: this.chainId,
          blockNumber: block.number.toString(),
          blockHash: block.hash,
          blockTime: block.time.toISOString(),
          txHash: `0x${randomBytes(32).toString('hex')}`,
          logIndex,
          address,
          contract: demoContractKinds.trust,
          eventName: 'Transfer',
          args: {
            from: getAddress(move.from ?? ZERO),
            to: getAddress(move.to),
            value: move.value.toString(),
          },
          confirmed,
        },
      }),
    );
  }

  /** The reorg the indexer publishes when `orphaned` left the chain for a branch headed by `newHead`. */
  reorg(
    ancestor: SyntheticBlock,
    orphaned: readonly SyntheticBlock[],
    newHead: SyntheticBlock,
  ): EvmReorgEnvelope {
    const orphanedHead = orphaned.at(-1)?.hash ?? ancestor.hash;
    return createEnvelope(topics.chainEvmReorg, {
      id: `${this.chainId}:reorg:${ancestor.hash}:${orphanedHead}`,
      source: 'chain-indexer',
      subject: String(this.chainId),
      data: {
        chainId: this.chainId,
        orphanedBlocks: orphaned.map((b) => ({ number: b.number.toString(), hash: b.hash })),
        commonAncestor: { number: ancestor.number.toString(), hash: ancestor.hash },
        newHead: { number: newHead.number.toString(), hash: newHead.hash },
        depth: orphaned.length,
      },
    });
  }
}
