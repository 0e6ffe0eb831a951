import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { covenantAbi, covenantBytecode } from '@convergence/contracts';
import { createWorkerDatabase, TEST_ENV } from '@convergence/dev-stack';
import { Client } from 'pg';
import { createPublicClient, createWalletClient, http, type Address, type PublicClient } from 'viem';
import { confirmationPhraseFor } from './confirmation.util';
import { runMainnetDeploy, type MainnetDeployDeps } from './deploy-mainnet';
import { runMainnetPreflight, type MainnetPreflightInputs } from './mainnet-preflight';
import { SourcifyClient } from './sourcify.client';

/** Sourcify APIv2 on loopback: the lookup endpoint with its real response shapes (200 match / 404). */
async function startSourcify(verified: Set<string>): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const m = /^\/v2\/contract\/(\d+)\/(0x[0-9a-fA-F]{40})$/.exec(req.url ?? '');
    res.setHeader('content-type', 'application/json');
    if (m && verified.has(m[2]!.toLowerCase())) {
      res.end(
        JSON.stringify({
          match: 'exact_match',
          creationMatch: 'exact_match',
          runtimeMatch: 'exact_match',
          chainId: m[1],
          address: m[2],
          verifiedAt: '2026-11-01T00:00:00Z',
        }),
      );
    } else {
      res.statusCode = 404;
      res.end(JSON.stringify({ customCode: 'not_found', message: 'Contract not found', errorId: 'e1' }));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

describe('mainnet deploy (real PostgreSQL and Hardhat)', () => {
  const rpcUrl = process.env[TEST_ENV.evmRpcUrl]!;
  const chainId = Number(process.env[TEST_ENV.evmChainId]);
  let chain: PublicClient;
  let databaseUrl: string;
  let releaseRoot: string;
  let sourcify: { url: string; server: Server };
  let multisig: Address;
  let ownedByMultisig: Address;
  let ownedByKey: Address;

  async function deployCovenant(admin: Address): Promise<Address> {
    const [deployer] = await createWalletClient({ transport: http(rpcUrl) }).getAddresses();
    const wallet = createWalletClient({ account: deployer!, transport: http(rpcUrl) });
    const hash = await wallet.deployContract({
      abi: covenantAbi,
      bytecode: covenantBytecode,
      args: [admin],
      chain: null,
    });
    const receipt = await chain.waitForTransactionReceipt({ hash });
    return receipt.contractAddress!;
  }

  beforeAll(async () => {
    chain = createPublicClient({ transport: http(rpcUrl) });
    const [deployer] = await createWalletClient({ transport: http(rpcUrl) }).getAddresses();
    // A contract stands in for the Safe: what the check requires is code at the address and the roles.
    multisig = await deployCovenant(deployer!);
    ownedByMultisig = await deployCovenant(multisig);
    ownedByKey = await deployCovenant(deployer!);
    sourcify = await startSourcify(new Set([ownedByMultisig.toLowerCase(), ownedByKey.toLowerCase()]));

    releaseRoot = mkdtempSync(join(tmpdir(), 'release-'));
    for (const [app, file] of [
      ['oracle', '1763770000000-oracle.ts'],
      ['alert-router', '1763769800000-alerts.ts'],
    ] as const) {
      mkdirSync(join(releaseRoot, 'apps', app, 'src', 'migrations'), { recursive: true });
      writeFileSync(join(releaseRoot, 'apps', app, 'src', 'migrations', file), 'export {};\n');
    }
    databaseUrl = await createWorkerDatabase({ fresh: true });
    const db = new Client({ connectionString: databaseUrl });
    await db.connect();
    // The oracle's migration is applied (TypeORM's table shape); the alert-router's is not.
    await db.query('create schema if not exists oracle');
    await db.query(
      'create table oracle.migrations (id serial primary key, timestamp bigint not null, name varchar not null)',
    );
    await db.query(
      "insert into oracle.migrations (timestamp, name) values (1763770000000, 'Oracle1763770000000')",
    );
    await db.end();
  });

  afterAll(async () => {
    await new Promise((resolve) => sourcify?.server.close(resolve));
    if (releaseRoot) rmSync(releaseRoot, { recursive: true, force: true });
  });

  const mainnetValues = () => ({
    environment: 'mainnet',
    services: { oracle: { env: { SETTLEMENT_MODE: 'multisig', SETTLEMENT_MULTISIG_ADDRESS: multisig } } },
  });

  function inputs(overrides: Partial<MainnetPreflightInputs> = {}): MainnetPreflightInputs {
    return {
      root: releaseRoot,
      databaseUrl,
      values: mainnetValues(),
      deployment: { chainId, contracts: { covenant: { address: ownedByMultisig, deployBlock: 0 } } },
      chain,
      sourcify: new SourcifyClient(sourcify.url),
      expectedPendingMigrations: 1,
      ...overrides,
    };
  }

  function deps(preflight: MainnetPreflightInputs, answer?: string) {
    const deployed: string[] = [];
    const asked: string[] = [];
    const lines: string[] = [];
    const d: MainnetDeployDeps = {
      preflight: () => runMainnetPreflight(preflight),
      deployer: { deploy: async (release) => void deployed.push(release) },
      ask: async (question) => {
        asked.push(question);
        return answer ?? '';
      },
      say: (line) => void lines.push(line),
    };
    return { d, deployed, asked, output: () => lines.join('\n') };
  }

  it('deploys only after a passing checklist and the exact confirmation phrase typed at the prompt', async () => {
    const ok = deps(inputs(), confirmationPhraseFor('1.4.0'));
    await expect(runMainnetDeploy({ release: '1.4.0' }, ok.d)).resolves.toEqual({
      deployed: true,
      reasons: [],
    });
    expect(ok.deployed).toEqual(['1.4.0']);
    expect(ok.asked).toEqual(['Type "deploy 1.4.0 to mainnet" to deploy: ']);
    expect(ok.output()).toContain(
      '[x] migrations\n      alert_router: 1763769800000-alerts.ts pending (applied at boot)',
    );
    expect(ok.output()).toContain(`[x] contracts-verified\n      covenant ${ownedByMultisig}: exact_match`);
    expect(ok.output()).toContain(
      `[x] multisig\n      covenant ${ownedByMultisig}: multisig holds DEFAULT_ADMIN_ROLE`,
    );
  });

  it('refuses without the exact phrase, even with a green checklist', async () => {
    const typo = deps(inputs(), 'deploy 1.4.0 to mainnet please');
    const outcome = await runMainnetDeploy({ release: '1.4.0' }, typo.d);
    expect(outcome.deployed).toBe(false);
    expect(outcome.reasons).toEqual([
      'not confirmed: type exactly "deploy 1.4.0 to mainnet" (or pass --confirm "deploy 1.4.0 to mainnet")',
    ]);
    const wrongRelease = deps(inputs());
    await expect(
      runMainnetDeploy({ release: '1.4.0', confirm: 'deploy 1.3.9 to mainnet' }, wrongRelease.d),
    ).resolves.toMatchObject({
      deployed: false,
    });
    expect([...typo.deployed, ...wrongRelease.deployed]).toEqual([]);
  });

  it('refuses on an unverified contract and a multisig without the admin role, without asking to confirm', async () => {
    const preflight = inputs({
      deployment: {
        chainId,
        contracts: {
          covenant: { address: ownedByKey, deployBlock: 0 },
          governor: { address: '0x000000000000000000000000000000000000dEaD', deployBlock: 0 },
        },
      },
    });
    const run = deps(preflight, confirmationPhraseFor('1.4.0'));
    const outcome = await runMainnetDeploy({ release: '1.4.0' }, run.d);
    expect(outcome).toEqual({
      deployed: false,
      reasons: ['pre-flight item contracts-verified failed', 'pre-flight item multisig failed'],
    });
    expect(run.output()).toContain(
      'governor 0x000000000000000000000000000000000000dEaD: no contract code on chain',
    );
    expect(run.output()).toContain(`covenant ${ownedByKey}: multisig does NOT hold DEFAULT_ADMIN_ROLE`);
    expect(run.output()).toContain(
      'governor 0x000000000000000000000000000000000000dEaD: no contract code, so no roles to check',
    );
    expect(run.asked).toEqual([]);
    expect(run.deployed).toEqual([]);
  });

  it('refuses when settlement is not configured for the multisig', async () => {
    const [preflightResult] = (
      await runMainnetPreflight(
        inputs({ values: { environment: 'mainnet', services: { oracle: { env: {} } } } }),
      )
    ).filter((r) => r.item === 'multisig');
    expect(preflightResult).toEqual({
      item: 'multisig',
      ok: false,
      details: [
        'services.oracle.env.SETTLEMENT_MODE must be multisig (is unset)',
        "services.oracle.env.SETTLEMENT_MULTISIG_ADDRESS must be the multisig's address (is unset)",
      ],
    });
  });

  it('refuses pending migrations nobody reviewed, and a database ahead of the release', async () => {
    const unreviewed = await runMainnetPreflight(inputs({ expectedPendingMigrations: undefined }));
    expect(unreviewed.find((r) => r.item === 'migrations')).toEqual({
      item: 'migrations',
      ok: false,
      details: [
        'alert_router: 1763769800000-alerts.ts pending (applied at boot)',
        '1 migrations pending: review them, then pass --expect-pending-migrations 1',
      ],
    });
    const db = new Client({ connectionString: databaseUrl });
    await db.connect();
    await db.query(
      "insert into oracle.migrations (timestamp, name) values (1763999999999, 'Future1763999999999')",
    );
    await db.end();
    const ahead = await runMainnetPreflight(inputs());
    expect(ahead.find((r) => r.item === 'migrations')).toMatchObject({
      ok: false,
      details: expect.arrayContaining(['oracle: Future1763999999999 is applied but not in this release']),
    });
  });
});
