import { createWorkerDatabase } from '@convergence/dev-stack';
import { eventually, readTopicUntil } from '@convergence/messaging/testing';
import { parseEnvelope, topics } from '@convergence/schemas';
import type { ChainRuntime } from './chain-runtime.factory';
import { appliedLogs, ChainEventsReader, type ComparableLog } from '../testing/chain-events.reader';
import { startFaultProxy } from '../testing/fault-proxy';
import { burstChain, type IndexerHarness, openIndexerHarness } from '../testing/indexer-harness';
import { type BurstContract, type PrivateChain, startPrivateChain } from '../testing/private-chain';
import { referenceIndex } from '../testing/reference-index';

describe('EVM indexing through reorgs (own Hardhat node, real Kafka and Postgres)', () => {
  let chain: PrivateChain;
  let databaseUrl: string;
  let reader: ChainEventsReader;
  const addresses = new Set<string>();
  const seenBlocks = new Set<string>();
  const open: { harness: IndexerHarness; runtime?: ChainRuntime }[] = [];

  beforeAll(async () => {
    [chain, databaseUrl] = await Promise.all([startPrivateChain(), createWorkerDatabase()]);
    const first = await openIndexerHarness(databaseUrl);
    open.push({ harness: first });
    reader = new ChainEventsReader(
      first.kafka,
      () => addresses,
      (hash) => seenBlocks.has(hash.toLowerCase()),
    );
    await reader.start();
  });

  afterEach(async () => {
    for (const { runtime } of open) await runtime?.indexer.stop();
  });

  afterAll(async () => {
    for (const { harness, runtime } of open) {
      await runtime?.indexer.stop();
      await harness.close();
    }
    await reader?.stop();
    await chain?.stop();
  });

  /** A fresh contract, and an indexer (own checkpoint schema) watching it from its deploy block. */
  async function scenario(options: { finalityDepth?: number; rpcUrl?: string } = {}) {
    const burst = await chain.deployBurst();
    addresses.add(burst.address.toLowerCase());
    const harness = await openIndexerHarness(databaseUrl);
    const entry: { harness: IndexerHarness; runtime?: ChainRuntime } = { harness };
    open.push(entry);
    const config = burstChain({
      rpcUrls: [options.rpcUrl ?? chain.rpcUrl],
      addresses: [{ address: burst.address, startBlock: burst.deployBlock }],
      finalityDepth: options.finalityDepth ?? 5,
    });
    const start = () => {
      entry.runtime = harness.runtime(config);
      entry.runtime.indexer.start();
      return entry.runtime;
    };
    return { burst, harness, start, runtime: () => entry.runtime! };
  }

  async function record(): Promise<void> {
    for (const hash of await chain.recordBlocks()) seenBlocks.add(hash);
  }

  async function caughtUp(runtime: ChainRuntime): Promise<bigint> {
    return eventually(
      async () => {
        const head = await chain.publicClient.getBlockNumber();
        const { indexedBlock } = runtime.indexer.progress();
        return indexedBlock !== undefined && indexedBlock >= head ? head : undefined;
      },
      30_000,
      'indexer caught up with the head',
    );
  }

  /** The stream, applied in order with its reorgs, equals a fresh index of the chain as it is now. */
  async function expectStreamMatchesChain(burst: BurstContract): Promise<Map<string, ComparableLog>> {
    await record();
    const { logs: expected } = await referenceIndex(chain.publicClient, [burst.address]);
    const ours = () =>
      new Map([...appliedLogs(reader.inOrder())].filter(([, log]) => log.address === burst.address));
    await eventually(
      async () => (sameLogs(ours(), expected) ? true : undefined),
      20_000,
      'stream matches chain',
    ).catch(() => undefined);
    expect({ read: reader.counts, logs: ours() }).toEqual({ read: reader.counts, logs: expected });
    expect(reader.counts.unreadable).toBe(0);
    expect(expected.size).toBeGreaterThan(0);
    return expected;
  }

  /** Reorg events of this node whose common ancestor is at or above `fromBlock`. */
  function reorgsFrom(fromBlock: bigint) {
    return reader
      .inOrder()
      .flatMap((m) => (m.kind === 'reorg' ? [m.event.data] : []))
      .filter((r) => BigInt(r.commonAncestor.number) >= fromBlock);
  }

  it('follows a reorg at the tip', async () => {
    const { burst, start } = await scenario();
    await burst.burst(3);
    await burst.burst(3);
    const snapshot = await chain.testClient.snapshot();
    const tip = await burst.burst(3);
    const runtime = start();
    await caughtUp(runtime);
    await record();
    await chain.testClient.revert({ id: snapshot });
    await burst.burst(2, 1_000n);
    await burst.burst(2, 2_000n);
    await caughtUp(runtime);
    await expectStreamMatchesChain(burst);
    const reorg = reorgsFrom(burst.deployBlock).find((r) =>
      r.orphanedBlocks.some((b) => b.hash === tip.blockHash),
    );
    expect(reorg).toMatchObject({ depth: 1, commonAncestor: { number: String(tip.blockNumber - 1n) } });
  });

  it('follows a reorg several blocks deep but within finality', async () => {
    const { burst, start } = await scenario({ finalityDepth: 5 });
    await burst.burst(2);
    const snapshot = await chain.testClient.snapshot();
    const orphaned = [await burst.burst(2), await burst.burst(2), await burst.burst(2)];
    const runtime = start();
    await caughtUp(runtime);
    await record();
    await chain.testClient.revert({ id: snapshot });
    for (let i = 0; i < 4; i++) await burst.burst(3, 10_000n * BigInt(i + 1));
    await caughtUp(runtime);
    await expectStreamMatchesChain(burst);
    const reorg = reorgsFrom(burst.deployBlock).find((r) =>
      r.orphanedBlocks.some((b) => b.hash === orphaned[0]!.blockHash),
    );
    expect(reorg?.depth).toBe(3);
    expect(runtime.indexer.progress().state).toBe('following');
  });

  it('treats a head that moved backwards as a reorg onto the shorter chain', async () => {
    const { burst, start } = await scenario();
    await burst.burst(2);
    const snapshot = await chain.testClient.snapshot();
    const base = await chain.publicClient.getBlockNumber();
    await burst.burst(2);
    await burst.burst(2);
    await burst.burst(2);
    const runtime = start();
    await caughtUp(runtime);
    await record();
    await chain.testClient.revert({ id: snapshot });
    const reorg = await eventually(
      async () => reorgsFrom(burst.deployBlock).find((r) => r.commonAncestor.number === String(base)),
      20_000,
      'reorg for the dropped blocks',
    );
    expect(reorg).toMatchObject({ depth: 3, newHead: { number: String(base) } });
    await expectStreamMatchesChain(burst);
    await burst.burst(1, 99n);
    await caughtUp(runtime);
    await expectStreamMatchesChain(burst);
  });

  it('follows a reorg that happens during the hand-off from backfill to the head', async () => {
    const proxy = await startFaultProxy(chain.rpcUrl);
    try {
      const { burst, start } = await scenario({ finalityDepth: 4, rpcUrl: proxy.url });
      for (let i = 0; i < 10; i++) await burst.burst(2);
      const snapshot = await chain.testClient.snapshot();
      await burst.burst(2);
      await burst.burst(2);
      const head = await chain.publicClient.getBlockNumber();
      let reorged = false;
      // The first eth_getLogs reaching into the last finalityDepth blocks: reorg the chain under it.
      proxy.faults.push(({ calls }) => {
        const call = calls[0];
        if (reorged || call?.method !== 'eth_getLogs') return undefined;
        const { toBlock } = call.params[0] as { toBlock: string };
        if (BigInt(toBlock) <= head - 4n) return undefined;
        reorged = true;
        return {
          kind: 'run-then-forward',
          before: async () => {
            await record();
            await chain.testClient.revert({ id: snapshot });
            for (let i = 0; i < 3; i++) await burst.burst(2, 500n * BigInt(i + 1));
          },
        };
      });
      const runtime = start();
      await caughtUp(runtime);
      expect(reorged).toBe(true);
      await expectStreamMatchesChain(burst);
    } finally {
      await proxy.stop();
    }
  });

  it('finds a reorg that happened while the indexer was down', async () => {
    const { burst, start, runtime: current } = await scenario();
    await burst.burst(2);
    const snapshot = await chain.testClient.snapshot();
    const orphaned = await burst.burst(2);
    await burst.burst(2);
    const first = start();
    await caughtUp(first);
    await first.indexer.stop();
    await record();
    await chain.testClient.revert({ id: snapshot });
    for (let i = 0; i < 4; i++) await burst.burst(2, 7_000n * BigInt(i + 1));
    const second = start();
    expect(current()).toBe(second);
    await caughtUp(second);
    await expectStreamMatchesChain(burst);
    expect(
      reorgsFrom(burst.deployBlock).some((r) => r.orphanedBlocks.some((b) => b.hash === orphaned.blockHash)),
    ).toBe(true);
  });

  it('follows an A→B→A flip, republishing A with the same ids', async () => {
    const { burst, start } = await scenario();
    await burst.burst(1);
    const base = await chain.publicClient.getBlock();
    const s0 = await chain.testClient.snapshot();
    const t = base.timestamp + 100n;
    const branchA = async (blocks: number) => {
      const mined = [];
      for (let i = 0; i < blocks; i++) {
        await chain.testClient.setNextBlockTimestamp({ timestamp: t + BigInt(i) });
        mined.push(await burst.burst(2, 100n * BigInt(i + 1)));
      }
      return mined;
    };
    const a = await branchA(2);
    const runtime = start();
    await caughtUp(runtime);
    const idsOfA = new Set(
      [...appliedLogs(reader.inOrder())].filter(([, log]) => log.address === burst.address).map(([id]) => id),
    );
    await record();
    await chain.testClient.revert({ id: s0 });
    const s1 = await chain.testClient.snapshot();
    for (let i = 0; i < 3; i++) {
      await chain.testClient.setNextBlockTimestamp({ timestamp: t + 50n + BigInt(i) });
      await burst.burst(2, 9_000n * BigInt(i + 1));
    }
    await caughtUp(runtime);
    await expectStreamMatchesChain(burst);
    await record();
    await chain.testClient.revert({ id: s1 });
    const again = await branchA(4);
    expect(again.slice(0, 2).map((b) => b.blockHash)).toEqual(a.map((b) => b.blockHash));
    await caughtUp(runtime);
    const final = await expectStreamMatchesChain(burst);
    for (const id of idsOfA) expect(final.has(id)).toBe(true);
  });

  it('halts the chain with a critical alert on a reorg deeper than finality', async () => {
    const { burst, start, harness } = await scenario({ finalityDepth: 3 });
    await burst.burst(2);
    const snapshot = await chain.testClient.snapshot();
    const orphaned = new Set<string>();
    for (let i = 0; i < 5; i++) orphaned.add((await burst.burst(2)).blockHash);
    const runtime = start();
    await caughtUp(runtime);
    const before = new Map(
      [...appliedLogs(reader.inOrder())].filter(([, log]) => log.address === burst.address),
    );
    await record();
    await chain.testClient.revert({ id: snapshot });
    for (let i = 0; i < 6; i++) await burst.burst(2, 3_000n * BigInt(i + 1));
    await eventually(
      async () => (runtime.indexer.progress().state === 'halted' ? true : undefined),
      20_000,
      'halted',
    );
    const saved = await harness.store.load(31337);
    expect(saved.halted?.reason).toMatch(/deeper than the finality depth 3|no block of the last/);
    const alerts = await readAlerts(
      harness,
      (a) =>
        a.labels['alertname'] === 'ChainIndexerDeepReorg' &&
        a.annotations['description']!.includes(saved.halted!.reason),
    );
    expect(alerts[0]?.labels).toMatchObject({
      severity: 'critical',
      chain_id: '31337',
      service: 'chain-indexer',
    });
    // Nothing of the new branch was published, and nothing was taken back.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const after = new Map(
      [...appliedLogs(reader.inOrder())].filter(([, log]) => log.address === burst.address),
    );
    expect(after).toEqual(before);
    expect(
      reorgsFrom(burst.deployBlock).filter((r) => r.orphanedBlocks.some((b) => orphaned.has(b.hash))),
    ).toEqual([]);
  });
});

function sameLogs(a: Map<string, ComparableLog>, b: Map<string, ComparableLog>): boolean {
  if (a.size !== b.size) return false;
  for (const [id, log] of a) if (JSON.stringify(log) !== JSON.stringify(b.get(id))) return false;
  return true;
}

async function readAlerts(
  harness: IndexerHarness,
  match: (alert: { labels: Record<string, string>; annotations: Record<string, string> }) => boolean,
) {
  const messages = await readTopicUntil(harness.kafka, topics.alertsRaw.name, (seen) =>
    seen.some((m) => match(parseEnvelope(topics.alertsRaw, m.message.value).data)),
  );
  return messages.map((m) => parseEnvelope(topics.alertsRaw, m.message.value).data).filter(match);
}
