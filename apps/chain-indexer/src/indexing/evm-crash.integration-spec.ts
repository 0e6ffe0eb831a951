import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createWorkerDatabase } from '@convergence/dev-stack';
import { eventually } from '@convergence/messaging/testing';
import { spawnService, waitForReady } from '@convergence/service-kit/testing';
import { appliedLogs, ChainEventsReader } from '../testing/chain-events.reader';
import { type IndexerHarness, openIndexerHarness } from '../testing/indexer-harness';
import { type PrivateChain, startPrivateChain } from '../testing/private-chain';
import { referenceIndex } from '../testing/reference-index';

describe('chain-indexer killed between Kafka ack and checkpoint commit', () => {
  let chain: PrivateChain;
  let harness: IndexerHarness;
  let reader: ChainEventsReader;
  let dir: string;
  const addresses = new Set<string>();

  beforeAll(async () => {
    [chain, dir] = await Promise.all([startPrivateChain(), mkdtemp(join(tmpdir(), 'chain-indexer-crash-'))]);
    harness = await openIndexerHarness(await createWorkerDatabase());
    reader = new ChainEventsReader(
      harness.kafka,
      () => addresses,
      () => false,
    );
    await reader.start();
  });

  afterAll(async () => {
    await reader?.stop();
    await harness?.close();
    await chain?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('republishes the unacknowledged batch with the same ids on restart, and misses nothing', async () => {
    const burst = await chain.deployBurst();
    addresses.add(burst.address.toLowerCase());
    for (let i = 0; i < 6; i++) await burst.burst(25);
    const chainsFile = join(dir, 'chains.yaml');
    await writeFile(
      chainsFile,
      [
        'chains:',
        '  - chainId: 31337',
        '    name: hardhat',
        `    rpcUrls: ["${chain.rpcUrl}"]`,
        '    finalityDepth: 3',
        '    sources:',
        '      - contract: TransferBurst',
        `        addresses: ["${burst.address}"]`,
        `        startBlock: ${burst.deployBlock}`,
        '',
      ].join('\n'),
    );
    const env = {
      DATABASE_URL: await createWorkerDatabase(),
      DATABASE_SCHEMA: `ci_crash_${randomBytes(3).toString('hex')}`,
      KAFKA_BROKERS: process.env['KAFKA_BROKERS'] ?? '',
      CHAINS_FILE: chainsFile,
      EVM_POLL_INTERVAL_MS: '50',
      LOG_LEVEL: 'warn',
    };

    const crashing = await spawnService('chain-indexer', {
      ...env,
      CHAIN_INDEXER_CRASH_POINT: 'after-publish',
    });
    await crashing.exited;
    expect(crashing.child.signalCode).toBe('SIGKILL');
    await eventually(
      async () => (reader.inOrder().length > 0 ? true : undefined),
      20_000,
      'first batch read',
    );

    const restarted = await spawnService('chain-indexer', env);
    try {
      await waitForReady(restarted);
      const { logs: expected } = await referenceIndex(chain.publicClient, [burst.address]);
      const ours = () => reader.inOrder().flatMap((m) => (m.kind === 'log' ? [m.event] : []));
      await eventually(
        async () => (new Set(ours().map((e) => e.id)).size >= expected.size ? true : undefined),
        60_000,
        'every log published after the restart',
      );
      // Nothing missing, nothing extra.
      expect(appliedLogs(reader.inOrder())).toEqual(expected);
      // The batch acknowledged before the kill came again, under the same ids and with the same content.
      const byId = new Map<string, string[]>();
      for (const event of ours())
        byId.set(event.id, [...(byId.get(event.id) ?? []), JSON.stringify(event.data)]);
      const duplicated = [...byId.values()].filter((copies) => copies.length > 1);
      expect(duplicated.length).toBeGreaterThan(0);
      for (const copies of duplicated) expect(new Set(copies).size).toBe(1);
    } finally {
      expect(await restarted.stop()).toBe(0);
    }
  });
});
