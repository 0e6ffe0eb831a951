import type { DemoDeployment } from '@convergence/contracts';
import { ChainsConfigError } from './chains-config.error';
import { chainOfDemoDeployment, chainsOfFileText } from './chains-config.util';

const A = '0x5fbdb2315678afecb367f032d93f642f64180aa3';
const B = '0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512';

describe(chainsOfFileText.name, () => {
  it('reads several chains with RPC URLs in order, defaults and per-address start blocks', () => {
    const chains = chainsOfFileText(
      [
        'chains:',
        '  - chainId: 1',
        '    name: mainnet',
        '    rpcUrls: [https://primary.example/v2/key, https://backup.example]',
        '    finalityDepth: 64',
        '    sources:',
        '      - contract: DemoToken',
        '        startBlock: 100',
        `        addresses: ["${A}", { address: "${B}", startBlock: "250" }]`,
        '  - chainId: 10',
        '    name: optimism',
        '    rpcUrls: [https://op.example]',
        '    confirmations: 2',
        '    sources: [{ contract: Covenant, addresses: ["' + A + '"] }]',
      ].join('\n'),
      'chains.yaml',
    );
    expect(chains[0]).toEqual({
      chainId: 1,
      name: 'mainnet',
      rpcUrls: ['https://primary.example/v2/key', 'https://backup.example'],
      confirmations: 0,
      finalityDepth: 64,
      sources: [
        {
          contract: 'DemoToken',
          addresses: [
            { address: '0x5FbDB2315678afecb367f032d93F642f64180aa3', startBlock: 100n },
            { address: B, startBlock: 250n },
          ],
        },
      ],
    });
    expect(chains[1]).toMatchObject({ chainId: 10, confirmations: 2, finalityDepth: 64 });
    expect(chains[1]?.sources[0]?.addresses[0]?.startBlock).toBe(0n);
  });

  it('names every bad node', () => {
    let error: unknown;
    try {
      chainsOfFileText(
        JSON.stringify({
          chains: [
            {
              chainId: 1,
              name: 'a',
              rpcUrls: ['nope'],
              sources: [{ contract: 'Nope', addresses: ['0x12'] }],
            },
            { chainId: 1, name: 'b', rpcUrls: [], sources: [], extra: true },
          ],
        }),
        'chains.json',
      );
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ChainsConfigError);
    const message = (error as Error).message;
    expect(message).toContain('chains.json is invalid');
    expect(message).toContain('chains[0].rpcUrls[0]: must be an http(s) URL');
    expect(message).toMatch(/chains\[0\]\.sources\[0\]\.contract: must be one of Covenant, /);
    expect(message).toContain('chains[0].sources[0].addresses[0]');
    expect(message).toContain('chains[1].rpcUrls: needs at least one RPC URL');
    expect(message).toContain("chains[1]: Unrecognized key(s) in object: 'extra'");
  });

  it('refuses text that is not YAML', () => {
    expect(() => chainsOfFileText('chains: [', 'bad.yaml')).toThrow('bad.yaml is not valid YAML or JSON');
  });
});

describe(chainOfDemoDeployment.name, () => {
  it('makes every demo contract a source from block 0, grouped by contract kind', () => {
    const deployment = {
      chainId: 31337,
      contracts: {
        trust: { address: A, deployBlock: 1 },
        tally: { address: B, deployBlock: 2 },
        covenant: { address: '0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0', deployBlock: 3 },
      },
    } as unknown as DemoDeployment;
    const chain = chainOfDemoDeployment(deployment, {
      rpcUrl: 'http://127.0.0.1:8545',
      confirmations: 0,
      finalityDepth: 12,
    });
    expect(chain).toMatchObject({ chainId: 31337, rpcUrls: ['http://127.0.0.1:8545'], finalityDepth: 12 });
    expect(chain.sources).toEqual([
      {
        contract: 'DemoToken',
        addresses: [
          { address: A, startBlock: 0n },
          { address: B, startBlock: 0n },
        ],
      },
      {
        contract: 'Covenant',
        addresses: [{ address: '0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0', startBlock: 0n }],
      },
    ]);
  });
});
