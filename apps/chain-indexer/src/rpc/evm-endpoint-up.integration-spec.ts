import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createWorkerDatabase } from '@convergence/dev-stack';
import { eventually } from '@convergence/messaging/testing';
import { type ServiceProcess, spawnService, waitForReady } from '@convergence/service-kit/testing';
import { type FaultProxy, startFaultProxy } from '../testing/fault-proxy';
import { type PrivateChain, startPrivateChain } from '../testing/private-chain';

/**
 * `chain_indexer_rpc_endpoint_up` as an operator reads it: the real service process, its /metrics,
 * three fault proxies in front of one Hardhat node (primary, backup, and one answering another chain id).
 */
describe('chain_indexer_rpc_endpoint_up on /metrics (real service process, fault proxies, Hardhat)', () => {
  let chain: PrivateChain;
  let dir: string;
  let service: ServiceProcess | undefined;
  const proxies: FaultProxy[] = [];

  beforeAll(async () => {
    [chain, dir] = await Promise.all([startPrivateChain(), mkdtemp(join(tmpdir(), 'chain-indexer-up-'))]);
  });

  afterAll(async () => {
    if (service) expect(await service.stop()).toBe(0);
    for (const proxy of proxies) await proxy.stop();
    await chain?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  /** The gauge's value for endpoint `index` behind `proxy`, as /metrics shows it now (undefined: no sample). */
  async function endpointUp(index: number, proxy: FaultProxy): Promise<string | undefined> {
    const text = await (await fetch(`${service!.url}/metrics`)).text();
    const endpoint = `${index}:${new URL(proxy.url).host}`;
    return new RegExp(
      `^chain_indexer_rpc_endpoint_up\\{chain_id="${chain.chainId}",endpoint="${endpoint}",service="chain-indexer"\\} (\\d+)$`,
      'm',
    ).exec(text)?.[1];
  }

  /** Waits until /metrics shows `expected` for every endpoint (index → value); the last reading names what differed. */
  async function expectEndpointsUp(expected: [FaultProxy, string][], what: string): Promise<void> {
    let seen: (string | undefined)[] = [];
    await eventually(
      async () => {
        seen = await Promise.all(expected.map(([proxy], i) => endpointUp(i, proxy)));
        return seen.every((value, i) => value === expected[i]![1]) ? true : undefined;
      },
      20_000,
      what,
    ).catch(() => undefined);
    expect(seen).toEqual(expected.map(([, value]) => value));
  }

  it('goes 1 → 0 while an endpoint is down and back to 1 once it recovers; one serving another chain stays 0', async () => {
    const burst = await chain.deployBurst();
    await burst.burst(5);
    const [primary, backup, impostor] = await Promise.all([
      startFaultProxy(chain.rpcUrl),
      startFaultProxy(chain.rpcUrl),
      startFaultProxy(chain.rpcUrl),
    ]);
    proxies.push(primary, backup, impostor);
    // A node of another chain behind the third URL (a misconfigured endpoint): it answers eth_chainId 1.
    impostor.faults.push(({ calls }) =>
      calls[0]?.method === 'eth_chainId'
        ? {
            kind: 'respond',
            status: 200,
            body: { jsonrpc: '2.0', id: (calls[0] as { id?: unknown }).id ?? null, result: '0x1' },
          }
        : undefined,
    );
    const chainsFile = join(dir, 'chains.yaml');
    await writeFile(
      chainsFile,
      [
        'chains:',
        `  - chainId: ${chain.chainId}`,
        '    name: hardhat',
        `    rpcUrls: ["${primary.url}", "${backup.url}", "${impostor.url}"]`,
        '    finalityDepth: 3',
        '    sources:',
        '      - contract: TransferBurst',
        `        addresses: ["${burst.address}"]`,
        `        startBlock: ${burst.deployBlock}`,
        '',
      ].join('\n'),
    );
    service = await spawnService('chain-indexer', {
      DATABASE_URL: await createWorkerDatabase(),
      DATABASE_SCHEMA: `ci_up_${randomBytes(3).toString('hex')}`,
      KAFKA_BROKERS: process.env['KAFKA_BROKERS'] ?? '',
      CHAINS_FILE: chainsFile,
      EVM_POLL_INTERVAL_MS: '50',
      EVM_RPC_PROBE_INTERVAL_MS: '200',
      LOG_LEVEL: 'warn',
    });
    await waitForReady(service);

    await expectEndpointsUp(
      [
        [primary, '1'],
        [backup, '1'],
        [impostor, '0'],
      ],
      'primary and backup up, the other chain’s endpoint down',
    );

    await primary.setDown(true);
    await expectEndpointsUp(
      [
        [primary, '0'],
        [backup, '1'],
        [impostor, '0'],
      ],
      'the dead primary down',
    );

    await primary.setDown(false);
    await expectEndpointsUp(
      [
        [primary, '1'],
        [backup, '1'],
        [impostor, '0'],
      ],
      'the recovered primary up again',
    );
    // The endpoint of the other chain was asked its chain id (answered by the fault) and was never called again.
    expect(impostor.injected.get('respond:eth_chainId')).toBeGreaterThanOrEqual(1);
    expect([...impostor.served.keys()]).toEqual([]);
  });
});
