import { TestChain } from '@convergence/dev-stack';
import { roles } from '@convergence/contracts';
import type { Address, Hex } from 'viem';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { type GatewayUnderTest, SIWE_DOMAIN, startGateway } from '../testing/gateway.process';
import { type Tokens, bearer, postJson, signIn } from '../testing/sign-in';

interface PauseAnswer {
  chainId: number;
  mode: string;
  complete: boolean;
  results: {
    contract: string;
    address: string;
    txHash?: string;
    proposal?: { to: Address; data: Hex; value: string; summary: string };
    paused: boolean;
    skipped?: string;
    error?: { code: string; detail: string };
  }[];
}

/**
 * Emergency operations through the real gateway process on the shared Hardhat node, on contracts
 * this suite deploys itself (pausing the shared demo deployment would disturb other suites).
 */
describe('emergency operations on the contracts', () => {
  const chain = new TestChain();
  const operatorKey = generatePrivateKey();
  const operatorKeyAddress = privateKeyToAccount(operatorKey).address;
  const admin = privateKeyToAccount(generatePrivateKey());
  const operator = privateKeyToAccount(generatePrivateKey());
  const multisig = privateKeyToAccount(generatePrivateKey()).address;
  const stranger = privateKeyToAccount(generatePrivateKey()).address;
  let trust: Address;
  let covenant: Address;
  let voucher: Address;
  let gw: GatewayUnderTest;
  let adminTokens: Tokens;
  let operatorTokens: Tokens;

  beforeAll(async () => {
    await chain.fund(operatorKeyAddress);
    const deployed = {
      trust: await chain.deploy('token', operatorKeyAddress),
      covenant: await chain.deploy('covenant', operatorKeyAddress),
      // Administered by someone else: the operator key holds no role on it.
      voucher: await chain.deploy('token', stranger),
    };
    [trust, covenant, voucher] = [
      deployed.trust.address,
      deployed.covenant.address,
      deployed.voucher.address,
    ];
    const contractsFile = chain.writeContractsFile(deployed);
    gw = await startGateway({
      ADMIN_WALLETS: admin.address,
      OPERATOR_WALLETS: operator.address,
      RATE_LIMIT_MAX: '10000',
      EVM_RPC_URL: chain.rpcUrl,
      CONTRACTS_FILE: contractsFile,
      GATEWAY_OPERATOR_PRIVATE_KEY: operatorKey,
    });
    adminTokens = await signIn(gw.url, admin, SIWE_DOMAIN);
    operatorTokens = await signIn(gw.url, operator, SIWE_DOMAIN);
  });
  afterAll(async () => {
    await gw?.stop();
  });

  const post = async <T>(path: string, body: unknown, tokens = adminTokens) => {
    const response = await postJson(`${gw.url}${path}`, body, bearer(tokens));
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      body: (await response.json()) as T,
    };
  };
  const get = async <T>(path: string, tokens = operatorTokens) => {
    const response = await fetch(`${gw.url}${path}`, { headers: bearer(tokens) });
    return { status: response.status, body: (await response.json()) as T };
  };

  it('lists the contracts with paused() as the chain reports it', async () => {
    const { status, body } = await get('/api/operator/contracts');
    expect(status).toBe(200);
    expect(body).toEqual({
      chainId: chain.chain.id,
      mode: 'direct',
      contracts: [
        { name: 'trust', address: trust.toLowerCase(), paused: false },
        { name: 'voucher', address: voucher.toLowerCase(), paused: false },
        { name: 'covenant', address: covenant.toLowerCase(), paused: false },
      ],
    });
  });

  it("pause and unpause really change the contract's paused()", async () => {
    const paused = await post<PauseAnswer>('/api/admin/contracts/pause', { contract: 'trust' });
    expect(paused.status).toBe(200);
    expect(paused.body).toMatchObject({
      mode: 'direct',
      complete: true,
      results: [{ contract: 'trust', paused: true }],
    });
    expect(paused.body.results[0]!.txHash).toMatch(/^0x[0-9a-f]{64}$/);
    expect(await chain.paused(trust)).toBe(true);

    const unpaused = await post<PauseAnswer>('/api/admin/contracts/unpause', { contract: 'trust' });
    expect(unpaused.body.results).toMatchObject([{ contract: 'trust', paused: false }]);
    expect(await chain.paused(trust)).toBe(false);
  });

  it('pauses all: reports what was already paused, and names what it could not pause', async () => {
    await post('/api/admin/contracts/pause', { contract: 'covenant' });
    const { status, body } = await post<
      PauseAnswer & { results: { error?: { code: string; detail: string } }[] }
    >('/api/admin/contracts/pause', { contract: 'all' });
    expect(status).toBe(200);
    expect(body.complete).toBe(false);
    const byName = Object.fromEntries(body.results.map((r) => [r.contract, r]));
    expect(byName['trust']).toMatchObject({ paused: true, txHash: expect.stringMatching(/^0x/) });
    expect(byName['covenant']).toEqual({
      contract: 'covenant',
      address: covenant.toLowerCase(),
      paused: true,
      skipped: 'already paused',
    });
    expect(byName['voucher']).toMatchObject({ paused: false, error: { code: 'reverted' } });
    expect(byName['voucher']!.error!.detail).toContain(
      `AccessControlUnauthorizedAccount(account=${operatorKeyAddress}, neededRole=PAUSER_ROLE)`,
    );
    expect([await chain.paused(trust), await chain.paused(covenant), await chain.paused(voucher)]).toEqual([
      true,
      true,
      false,
    ]);

    const unpaused = await post<PauseAnswer>('/api/admin/contracts/unpause', { contract: 'all' });
    expect(unpaused.body.results.find((r) => r.contract === 'voucher')).toMatchObject({
      skipped: 'already unpaused',
    });
    expect([await chain.paused(trust), await chain.paused(covenant)]).toEqual([false, false]);
  });

  it('refuses to pause one contract that is already paused, with the decoded revert', async () => {
    await post('/api/admin/contracts/pause', { contract: 'trust' });
    const again = await post<{ type: string; detail: string }>('/api/admin/contracts/pause', {
      contract: 'trust',
    });
    expect(again.status).toBe(409);
    expect(again.type).toContain('application/problem+json');
    expect(again.body).toMatchObject({ type: 'urn:convergence:contract-ops:reverted' });
    expect(again.body.detail).toContain('EnforcedPause()');
    await post('/api/admin/contracts/unpause', { contract: 'trust' });
  });

  it('grants, checks and revokes a role on the chain', async () => {
    const check = () =>
      get<{ hasRole: boolean; roleId: string }>(
        `/api/operator/roles/check?contract=trust&role=PAUSER_ROLE&account=${stranger}`,
      );
    expect((await check()).body).toEqual({
      contract: 'trust',
      address: trust.toLowerCase(),
      role: 'PAUSER_ROLE',
      roleId: roles.PAUSER_ROLE,
      account: stranger.toLowerCase(),
      hasRole: false,
    });
    const granted = await post<{ hasRole: boolean; txHash: string }>('/api/admin/roles/grant', {
      contract: 'trust',
      role: 'PAUSER_ROLE',
      account: stranger,
    });
    expect(granted.body).toMatchObject({
      mode: 'direct',
      role: 'PAUSER_ROLE',
      hasRole: true,
      txHash: expect.stringMatching(/^0x/),
    });
    expect(await chain.hasRole(trust, roles.PAUSER_ROLE, stranger)).toBe(true);
    expect((await check()).body.hasRole).toBe(true);

    const revoked = await post<{ hasRole: boolean }>('/api/admin/roles/revoke', {
      contract: 'trust',
      role: roles.PAUSER_ROLE,
      account: stranger,
    });
    expect(revoked.body).toMatchObject({ role: 'PAUSER_ROLE', hasRole: false });
    expect(await chain.hasRole(trust, roles.PAUSER_ROLE, stranger)).toBe(false);
  });

  it('answers problems naming an unknown contract or role, and a role change the contract refuses', async () => {
    const unknownContract = await post<{ detail: string }>('/api/admin/contracts/pause', {
      contract: 'bridge',
    });
    expect(unknownContract.status).toBe(404);
    expect(unknownContract.body.detail).toContain('contract "bridge" is not in the deployment');
    const unknownRole = await get<{ detail: string }>(
      `/api/operator/roles/check?contract=trust&role=BURNER_ROLE&account=${stranger}`,
    );
    expect(unknownRole.status).toBe(400);
    expect(unknownRole.body.detail).toContain('role "BURNER_ROLE"');
    const refused = await post<{ detail: string }>('/api/admin/roles/grant', {
      contract: 'voucher',
      role: 'MINTER_ROLE',
      account: stranger,
    });
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toContain('AccessControlUnauthorizedAccount');
    expect(refused.body.detail).toContain('neededRole=DEFAULT_ADMIN_ROLE');
    const badBody = await post<{ errors: { field: string }[] }>('/api/admin/roles/grant', {
      contract: 'trust',
      role: 'x',
    });
    expect(badBody.status).toBe(400);
    expect(badBody.body.errors.map((e) => e.field).sort()).toEqual(['account', 'role']);
  });

  it('keeps emergency operations to admins; operators may only read', async () => {
    const response = await post<{ type: string }>(
      '/api/admin/contracts/pause',
      { contract: 'trust' },
      operatorTokens,
    );
    expect(response.status).toBe(403);
    expect(await chain.paused(trust)).toBe(false);
  });

  describe('in multisig mode', () => {
    let msig: GatewayUnderTest;
    let msigAdmin: Tokens;

    beforeAll(async () => {
      // The multisig holds PAUSER_ROLE on trust only (granted through the direct-mode gateway).
      await post('/api/admin/roles/grant', { contract: 'trust', role: 'PAUSER_ROLE', account: multisig });
      msig = await startGateway({
        ADMIN_WALLETS: admin.address,
        EVM_RPC_URL: chain.rpcUrl,
        CONTRACTS_FILE: chain.writeContractsFile({
          trust: { address: trust, deployBlock: 0 },
          covenant: { address: covenant, deployBlock: 0 },
        }),
        GATEWAY_CONTRACT_OPS_MODE: 'multisig',
        GATEWAY_MULTISIG_ADDRESS: multisig,
        // Multisig mode does not sign, so it works on any chain.
        GATEWAY_TEST_CHAIN_IDS: '1',
      });
      msigAdmin = await signIn(msig.url, admin, SIWE_DOMAIN);
    });
    afterAll(async () => {
      await msig?.stop();
    });

    it('answers a proposal instead of sending, and the multisig executing it pauses the contract', async () => {
      const response = await postJson(
        `${msig.url}/api/admin/contracts/pause`,
        { contract: 'trust' },
        bearer(msigAdmin),
      );
      const body = (await response.json()) as PauseAnswer & { multisig: string };
      expect(response.status).toBe(200);
      expect(body).toMatchObject({ mode: 'multisig', multisig: multisig.toLowerCase() });
      const [result] = body.results;
      expect(result).toMatchObject({
        contract: 'trust',
        paused: false,
        proposal: { to: trust.toLowerCase(), value: '0' },
      });
      expect(result!.txHash).toBeUndefined();
      expect(result!.proposal!.summary).toContain('Pause trust');
      expect(await chain.paused(trust)).toBe(false);

      expect(await chain.sendAs(multisig, result!.proposal!.to, result!.proposal!.data)).toBe('success');
      expect(await chain.paused(trust)).toBe(true);
      await chain.sendAs(multisig, trust, '0x3f4ba83a'); // unpause()
      expect(await chain.paused(trust)).toBe(false);
    });

    it('refuses a proposal the multisig could not execute, with the reason', async () => {
      const response = await postJson(
        `${msig.url}/api/admin/contracts/pause`,
        { contract: 'covenant' },
        bearer(msigAdmin),
      );
      expect(response.status).toBe(409);
      expect(((await response.json()) as { detail: string }).detail).toContain(
        `AccessControlUnauthorizedAccount(account=${multisig}, neededRole=PAUSER_ROLE)`,
      );
    });
  });
});
