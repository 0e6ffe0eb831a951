import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDatabase, dropDatabase, TestChain } from '@convergence/dev-stack';
import type { Address } from 'viem';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { runCli } from './testing/cli-process';
import { bootstrapAdminKey } from './testing/gateway-admin-key';
import { SIWE_DOMAIN, type ServicesUnderTest, startServices } from './testing/services-under-test';

// The CLI's contract, indexer and report commands as a child process against the real api-gateway,
// with the real chain-indexer behind it, on the dev stack's Hardhat node — on a token this suite
// deploys itself, in a database of its own.

describe('convergence CLI: contracts, roles, re-index, weekly report', () => {
  const token = new TestChain();
  const operatorKey = generatePrivateKey();
  const operatorKeyAddress = privateKeyToAccount(operatorKey).address;
  const admin = privateKeyToAccount(generatePrivateKey());
  const stranger = privateKeyToAccount(generatePrivateKey()).address;
  const databaseName = `cli_chain_${randomBytes(4).toString('hex')}`;
  const work = mkdtempSync(join(tmpdir(), 'cli-chain-'));
  let trust: { address: Address; deployBlock: number };
  let services: ServicesUnderTest;
  let env: Record<string, string>;

  beforeAll(async () => {
    await token.fund(operatorKeyAddress);
    trust = await token.deploy('token', operatorKeyAddress);
    const contractsFile = token.writeContractsFile({ trust }, work);
    const databaseUrl = await createDatabase(process.env['TEST_DATABASE_ADMIN_URL']!, databaseName);
    const evm = { EVM_RPC_URL: token.rpcUrl, CONTRACTS_FILE: contractsFile };
    services = await startServices({
      databaseUrl,
      adminWallet: admin.address,
      upstreams: ['chain-indexer'],
      upstreamEnv: {
        'chain-indexer': { ...evm, EVM_CHAIN_ID: String(token.chain.id), EVM_POLL_INTERVAL_MS: '100' },
      },
      gatewayEnv: { ...evm, GATEWAY_OPERATOR_PRIVATE_KEY: operatorKey },
    });
    const adminKey = await bootstrapAdminKey(services.gateway.url, admin, SIWE_DOMAIN);
    env = { CONVERGENCE_GATEWAY_URL: services.gateway.url, CONVERGENCE_API_KEY: adminKey };
  });
  afterAll(async () => {
    await services?.stop();
    await dropDatabase(process.env['TEST_DATABASE_ADMIN_URL']!, databaseName);
    rmSync(work, { recursive: true, force: true });
  });

  it('pauses a contract by name and unpauses every one, as the chain confirms', async () => {
    const listed = await runCli(['contracts'], env);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(new RegExp(`^trust +${trust.address} +no$`, 'im'));

    const paused = await runCli(['pause', 'trust'], env);
    expect(paused.stderr).toBe('');
    expect(paused.stdout).toMatch(/^mode: direct$/m);
    expect(paused.stdout).toMatch(new RegExp(`^trust +${trust.address} +yes +tx 0x[0-9a-f]{64}$`, 'im'));
    expect(await token.paused(trust.address)).toBe(true);

    const again = await runCli(['pause', '--all'], env);
    expect(again.stdout).toMatch(/^trust +\S+ +yes +already paused$/m);

    const unpaused = await runCli(['unpause', '--all'], env);
    expect(unpaused.code).toBe(0);
    expect(unpaused.stdout).toMatch(/^trust +\S+ +no +tx 0x[0-9a-f]{64}$/m);
    expect(await token.paused(trust.address)).toBe(false);
  });

  it('refuses a pause naming neither a contract nor --all, and shows the problem for an unknown contract', async () => {
    const neither = await runCli(['pause'], env);
    expect(neither.code).toBe(2);
    expect(neither.stderr).toBe('convergence: pause needs a contract name or --all (one of them)\n');

    const unknown = await runCli(['pause', 'nosuch'], env);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(
      /^convergence: POST \/api\/admin\/contracts\/pause failed with 4\d\d: .*nosuch/,
    );
  });

  it('grants, checks and revokes a role', async () => {
    const granted = await runCli(['roles', 'grant', 'trust', 'PAUSER_ROLE', stranger], env);
    expect(granted.stderr).toBe('');
    expect(granted.stdout).toMatch(
      new RegExp(
        `^grant PAUSER_ROLE on trust for ${stranger}: transaction 0x[0-9a-f]{64} \\(mode direct\\); hasRole now true$`,
        'm',
      ),
    );
    const has = await runCli(['roles', 'check', 'trust', 'PAUSER_ROLE', stranger], env);
    expect(has.stdout).toBe(`${stranger} has PAUSER_ROLE on trust\n`);

    const revoked = await runCli(['roles', 'revoke', 'trust', 'PAUSER_ROLE', stranger], env);
    expect(revoked.stdout).toMatch(/hasRole now false$/m);
    const hasNot = await runCli(['roles', 'check', 'trust', 'PAUSER_ROLE', stranger], env);
    expect(hasNot.stdout).toBe(`${stranger} does not have PAUSER_ROLE on trust\n`);

    const badAccount = await runCli(['roles', 'check', 'trust', 'PAUSER_ROLE', '0x12'], env);
    expect(badAccount.code).toBe(2);
    expect(badAccount.stderr).toBe(
      'convergence: <account> must be a 0x-prefixed 20-byte address, got "0x12"\n',
    );
  });

  it('re-indexes the chain from the token’s deployment with a progress bar until the head at the start', async () => {
    const chainId = String(token.chain.id);
    const run = await runCli(
      ['reindex', chainId, '--from', String(trust.deployBlock), '--interval', '200', '--timeout', '100'],
      env,
    );
    expect(run.code).toBe(0);
    const done = new RegExp(`^chain ${chainId} re-indexed from ${trust.deployBlock} to (\\d+)\\n$`).exec(
      run.stdout,
    );
    expect(done).not.toBeNull();
    expect(BigInt(done![1]!)).toBeGreaterThanOrEqual(BigInt(trust.deployBlock));
    expect(run.stderr).toContain('100%');

    const tooFar = await runCli(
      ['reindex', chainId, '--from', String((await token.headBlock()) + 1000n)],
      env,
    );
    expect(tooFar.code).toBe(2);
    expect(tooFar.stderr).toMatch(
      new RegExp(`^convergence: --from \\d+ is past chain ${chainId}'s head \\d+\\n$`),
    );
  });

  it('prints the weekly report as Markdown and as JSON', async () => {
    const markdown = await runCli(['report', 'weekly', '--end', '2026-11-20T00:00:00Z'], env);
    expect(markdown.code).toBe(0);
    expect(markdown.stdout).toMatch(/^# \S/);

    const json = await runCli(['report', 'weekly', '--format', 'json', '--end', '2026-11-20T00:00:00Z'], env);
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout) as { period: { start: string; end: string } };
    expect(report.period).toEqual({ start: '2026-11-13T00:00:00.000Z', end: '2026-11-20T00:00:00.000Z' });

    const badEnd = await runCli(['report', 'weekly', '--end', 'last friday'], env);
    expect(badEnd.code).toBe(2);
  });
});
