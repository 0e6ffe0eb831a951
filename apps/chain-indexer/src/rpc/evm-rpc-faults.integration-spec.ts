import { createWorkerDatabase } from '@convergence/dev-stack';
import { eventually } from '@convergence/messaging/testing';
import type { ChainRuntime } from '../indexing/chain-runtime.factory';
import { appliedLogs, ChainEventsReader } from '../testing/chain-events.reader';
import { type FaultProxy, startFaultProxy } from '../testing/fault-proxy';
import { burstChain, type IndexerHarness, openIndexerHarness } from '../testing/indexer-harness';
import { type BurstContract, type PrivateChain, startPrivateChain } from '../testing/private-chain';
import { referenceIndex } from '../testing/reference-index';

describe('EVM indexing through RPC faults (fault proxy in front of Hardhat, real Kafka and Postgres)', () => {
  let chain: PrivateChain;
  let databaseUrl: string;
  let reader: ChainEventsReader;
  const addresses = new Set<string>();
  const harnesses: IndexerHarness[] = [];
  const runtimes: ChainRuntime[] = [];
  const proxies: FaultProxy[] = [];

  beforeAll(async () => {
    [chain, databaseUrl] = await Promise.all([startPrivateChain(), createWorkerDatabase()]);
    const first = await openIndexerHarness(databaseUrl);
    harnesses.push(first);
    reader = new ChainEventsReader(
      first.kafka,
      () => addresses,
      () => false,
    );
    await reader.start();
  });

  afterEach(async () => {
    for (const runtime of runtimes.splice(0)) await runtime.indexer.stop();
    for (const proxy of proxies.splice(0)) await proxy.stop();
  });

  afterAll(async () => {
    for (const harness of harnesses) await harness.close();
    await reader?.stop();
    await chain?.stop();
  });

  /** A contract with `blocks` bursts of `logs` logs, two proxies (primary, backup) and an indexer behind them. */
  async function scenario(
    blocks: number,
    logs: number,
    options: { rpcTimeoutMs?: number; single?: boolean } = {},
  ) {
    const burst = await chain.deployBurst();
    addresses.add(burst.address.toLowerCase());
    for (let i = 0; i < blocks; i++) await burst.burst(logs);
    const [primary, backup] = await Promise.all([
      startFaultProxy(chain.rpcUrl),
      startFaultProxy(chain.rpcUrl),
    ]);
    proxies.push(primary, backup);
    const harness = await openIndexerHarness(databaseUrl);
    harnesses.push(harness);
    const start = () => {
      const runtime = harness.runtime(
        burstChain({
          rpcUrls: options.single ? [primary.url] : [primary.url, backup.url],
          addresses: [{ address: burst.address, startBlock: burst.deployBlock }],
          finalityDepth: 3,
        }),
        options.rpcTimeoutMs ? { rpcTimeoutMs: options.rpcTimeoutMs } : {},
      );
      runtimes.push(runtime);
      runtime.indexer.start();
      return runtime;
    };
    return { burst, primary, backup, harness, start };
  }

  async function caughtUp(runtime: ChainRuntime): Promise<void> {
    await eventually(
      async () => {
        const head = await chain.publicClient.getBlockNumber();
        const { indexedBlock } = runtime.indexer.progress();
        return indexedBlock !== undefined && indexedBlock >= head ? true : undefined;
      },
      60_000,
      'indexer caught up with the head',
    );
  }

  /** No gap, no lost log: the stream equals a fresh index of the chain. */
  async function expectNoLostLog(burst: BurstContract): Promise<void> {
    const { logs: expected } = await referenceIndex(chain.publicClient, [burst.address]);
    const ours = () =>
      new Map([...appliedLogs(reader.inOrder())].filter(([, log]) => log.address === burst.address));
    await eventually(
      async () => (ours().size >= expected.size ? true : undefined),
      20_000,
      'all logs read',
    ).catch(() => undefined);
    expect(ours()).toEqual(expected);
  }

  const getLogsRange = (params: unknown[]) => {
    const { fromBlock, toBlock } = params[0] as { fromBlock: string; toBlock: string };
    return { from: BigInt(fromBlock), to: BigInt(toBlock) };
  };

  it('splits ranges the provider refuses, and asks the backup for a single block over the cap', async () => {
    const { burst, primary, backup, start } = await scenario(12, 20);
    const heavy = await burst.burst(60);
    primary.faults.push(({ calls }) => {
      const call = calls[0];
      if (call?.method !== 'eth_getLogs') return undefined;
      const { from, to } = getLogsRange(call.params);
      if (from <= heavy.blockNumber && heavy.blockNumber <= to) {
        return { kind: 'rpc-error', code: -32005, message: 'query returned more than 50 results' };
      }
      if (to - from + 1n > 3n)
        return { kind: 'rpc-error', code: -32600, message: 'eth_getLogs is limited to 3 blocks' };
      return undefined;
    });
    const runtime = start();
    await caughtUp(runtime);
    await expectNoLostLog(burst);
    expect(primary.injected.get('rpc-error:eth_getLogs')).toBeGreaterThan(0);
    expect(backup.served.get('eth_getLogs')).toBeGreaterThanOrEqual(1);
    expect(runtime.pool.currentUrl).toBe(primary.url);
  });

  it('waits out a 429 with Retry-After before calling again', async () => {
    const { burst, primary, start } = await scenario(6, 10, { single: true });
    const getLogsAt: number[] = [];
    let limited = 0;
    primary.faults.push(({ calls }) => {
      if (calls[0]?.method !== 'eth_getLogs') return undefined;
      getLogsAt.push(Date.now());
      if (limited++ >= 1) return undefined;
      return { kind: 'respond', status: 429, body: 'Too Many Requests', headers: { 'retry-after': '2' } };
    });
    const runtime = start();
    await caughtUp(runtime);
    await expectNoLostLog(burst);
    // The only endpoint was called again only after the 2 s it asked for.
    expect(getLogsAt.length).toBeGreaterThanOrEqual(2);
    expect(getLogsAt[1]! - getLogsAt[0]!).toBeGreaterThanOrEqual(1_900);
  });

  it('fails over on timeouts and loses nothing', async () => {
    const { burst, primary, backup, harness, start } = await scenario(8, 10, { rpcTimeoutMs: 500 });
    primary.faults.push(({ calls }) =>
      calls[0]?.method === 'eth_getLogs' ? { kind: 'delay', ms: 1_500 } : undefined,
    );
    const runtime = start();
    await caughtUp(runtime);
    await expectNoLostLog(burst);
    expect(backup.served.get('eth_getLogs')).toBeGreaterThan(0);
    const errors = await harness.metrics.rpcErrors.get();
    const timeouts = errors.values.find(
      (v) => v.labels['kind'] === 'timeout' && String(v.labels['endpoint']).startsWith('0:'),
    );
    expect(timeouts?.value).toBeGreaterThanOrEqual(3);
  });

  it('retries requests whose reused keep-alive socket the server reset', async () => {
    const { burst, primary, start } = await scenario(8, 10);
    let resets = 0;
    primary.faults.push(({ previousOnSocket }) =>
      previousOnSocket > 0 && resets++ < 4 ? { kind: 'reset' } : undefined,
    );
    const runtime = start();
    await caughtUp(runtime);
    for (let i = 0; i < 3; i++) await burst.burst(5);
    await caughtUp(runtime);
    await expectNoLostLog(burst);
    expect(resets).toBeGreaterThanOrEqual(4);
  });

  it('fails over while the primary is down and fails back once it is up again', async () => {
    const { burst, primary, backup, start } = await scenario(4, 10);
    const runtime = start();
    await caughtUp(runtime);
    await primary.setDown(true);
    for (let i = 0; i < 4; i++) await burst.burst(10);
    await caughtUp(runtime);
    expect(runtime.pool.currentUrl).toBe(backup.url);
    await primary.setDown(false);
    await eventually(
      async () => (runtime.pool.currentUrl === primary.url ? true : undefined),
      20_000,
      'failback',
    );
    for (let i = 0; i < 2; i++) await burst.burst(10);
    await caughtUp(runtime);
    await expectNoLostLog(burst);
  });
});
