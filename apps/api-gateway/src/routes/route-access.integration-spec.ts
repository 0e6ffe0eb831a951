import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { type GatewayUnderTest, SIWE_DOMAIN, startGateway } from '../testing/gateway.process';
import { type Tokens, bearer, signIn } from '../testing/sign-in';
import { allows, type RouteDefinition } from './route.model';
import { forwardedRoutes, routeTable } from './route-table';

// A value each path parameter accepts, so a request that passes the guard also passes validation.
const sampleParams: Record<string, string> = {
  id: '6f1c1e52-8a57-4d1c-9a59-0d6b7c2f9c11',
  wallet: '0x' + '1'.repeat(40),
  fingerprint: '0123456789abcdef',
  topic: 'unlock.achieved.v1',
  chainId: '31337',
};
const pathOf = (route: RouteDefinition) =>
  route.path.replace(/:([A-Za-z]+)/g, (_, name: string) => sampleParams[name]);
const call = (gw: GatewayUnderTest, route: RouteDefinition, headers: Record<string, string> = {}) =>
  fetch(`${gw.url}${pathOf(route)}`, {
    method: route.method,
    headers: { 'content-type': 'application/json', ...headers },
    body: route.method === 'GET' || route.method === 'DELETE' ? undefined : '{}',
  });

describe('api-gateway routes', () => {
  const accounts = {
    viewer: privateKeyToAccount(generatePrivateKey()),
    operator: privateKeyToAccount(generatePrivateKey()),
    admin: privateKeyToAccount(generatePrivateKey()),
  };
  let gw: GatewayUnderTest;
  const tokens = {} as Record<'viewer' | 'operator' | 'admin', Tokens>;

  beforeAll(async () => {
    gw = await startGateway({
      ADMIN_WALLETS: accounts.admin.address,
      OPERATOR_WALLETS: accounts.operator.address,
      // Generous defaults so the table below is not rate limited; one route is kept tight to test 429.
      RATE_LIMIT_MAX: '10000',
      RATE_LIMIT_ROUTES: 'markets.portfolio=3/60',
      CORS_ORIGINS: 'https://app.convergence.test',
    });
    for (const role of ['viewer', 'operator', 'admin'] as const)
      tokens[role] = await signIn(gw.url, accounts[role], SIWE_DOMAIN);
  });
  afterAll(async () => {
    await gw?.stop();
  });

  describe('role checks, over every route of the table', () => {
    const guarded = routeTable.filter((r) => r.access !== 'public');

    it.each(guarded.map((r) => [`${r.method} ${r.path}`, r] as const))(
      '%s refuses an anonymous caller with 401',
      async (_, route) => {
        const response = await call(gw, route);
        expect(response.status).toBe(401);
        expect(response.headers.get('content-type')).toContain('application/problem+json');
      },
    );

    const ranked = guarded.flatMap((route) =>
      (['viewer', 'operator', 'admin'] as const).map(
        (role) => [`${route.method} ${route.path} as ${role}`, route, role] as const,
      ),
    );
    it.each(ranked)('%s', async (_, route, role) => {
      const response = await call(gw, route, bearer(tokens[role]));
      if (allows(role, route.access)) {
        expect([401, 403]).not.toContain(response.status);
      } else {
        expect(response.status).toBe(403);
        expect(await response.json()).toMatchObject({
          type: 'urn:convergence:auth:role-too-low',
          status: 403,
        });
      }
    });
  });

  describe('input validation', () => {
    it('answers a bad query with problem+json naming the field, without calling the owner', async () => {
      const before = gw.stubs['unlock-engine'].requests.length;
      const response = await fetch(`${gw.url}/api/unlocks/eligibility?address=0x123`, {
        headers: bearer(tokens.viewer),
      });
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(await response.json()).toMatchObject({
        title: 'invalid query',
        status: 400,
        errors: [{ field: 'address', message: 'must be a 0x-prefixed 20-byte hex address' }],
      });
      expect(gw.stubs['unlock-engine'].requests.length).toBe(before);
    });

    it('answers a bad body with every bad field named', async () => {
      const response = await fetch(`${gw.url}/markets/7/stake`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...bearer(tokens.viewer) },
        body: JSON.stringify({ wallet: tokens.viewer.wallet, opinion: '', amount: '-1' }),
      });
      const problem = (await response.json()) as { errors: { field: string }[] };
      expect(response.status).toBe(400);
      expect(problem.errors.map((e) => e.field).sort()).toEqual(['amount', 'opinion', 'signature']);
    });

    it('lets a viewer stake only for its own wallet', async () => {
      const body = { wallet: '0x' + '2'.repeat(40), opinion: 'yes', amount: '10', signature: '0x1234' };
      const response = await fetch(`${gw.url}/markets/7/stake`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...bearer(tokens.viewer) },
        body: JSON.stringify(body),
      });
      expect(response.status).toBe(403);
      expect(((await response.json()) as { type: string }).type).toBe('urn:convergence:auth:not-own-wallet');
    });
  });

  describe('forwarding', () => {
    it('sends a query to its owner at the owner’s path, with the validated input', async () => {
      const stub = gw.stubs['unlock-engine'];
      stub.answer((r) => ({ status: 200, body: { path: r.url } }));
      const address = '0x' + 'AB'.repeat(20);
      const response = await fetch(`${gw.url}/api/unlocks/gold/ceremony?address=${address}`, {
        headers: bearer(tokens.viewer),
      });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({
        path: `/unlocks/gold/ceremony?address=${address.toLowerCase()}`,
      });
    });

    it("passes an owner's 4xx problem through and hides a 5xx behind a 502", async () => {
      const stub = gw.stubs.oracle;
      stub.answer(() => ({
        status: 404,
        contentType: 'application/problem+json',
        body: { type: 'about:blank', title: 'not found', status: 404, detail: 'market 99 does not exist' },
      }));
      const missing = await fetch(`${gw.url}/markets/99`, { headers: bearer(tokens.viewer) });
      expect(missing.status).toBe(404);
      expect(await missing.json()).toMatchObject({
        title: 'not found',
        detail: 'market 99 does not exist',
        instance: '/markets/99',
      });

      stub.answer(() => ({ status: 500, body: { detail: 'pg password authentication failed' } }));
      const failed = await fetch(`${gw.url}/markets/99`, { headers: bearer(tokens.viewer) });
      expect(failed.status).toBe(502);
      expect(await failed.text()).not.toContain('password');
      stub.answer((r) => ({ status: 200, body: { ok: true, path: r.url } }));
    });

    it('answers 502 naming the owner when it is unreachable', async () => {
      await gw.stubs['chain-indexer'].close();
      const response = await fetch(`${gw.url}/api/operator/indexer/status`, {
        headers: bearer(tokens.operator),
      });
      expect(response.status).toBe(502);
      expect(await response.json()).toMatchObject({ detail: 'chain-indexer is unreachable' });
    });
  });

  describe('GET /health', () => {
    it('is degraded while a service is down, and shows the others’ status', async () => {
      const response = await fetch(`${gw.url}/health`);
      expect(response.status).toBe(200);
      const board = (await response.json()) as {
        status: string;
        gateway: Record<string, string>;
        services: Record<string, { ready: string; status?: unknown }>;
      };
      expect(board.gateway).toEqual({ postgres: 'up', kafka: 'up' });
      expect(board.services['chain-indexer'].ready).toBe('down');
      expect(board.services['oracle']).toMatchObject({ ready: 'up', status: { path: '/status' } });
      expect(board.status).toBe('degraded');
    });
  });

  describe('rate limits', () => {
    it('announces the limit and answers 429 with Retry-After once it is reached', async () => {
      const route = forwardedRoutes.portfolio;
      // A caller that has not used this route yet (the table above called it as every role).
      const fresh = await signIn(gw.url, privateKeyToAccount(generatePrivateKey()), SIWE_DOMAIN);
      const answers = [];
      for (let i = 0; i < 4; i++) answers.push(await call(gw, route, bearer(fresh)));
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 429]);
      expect(answers.map((a) => a.headers.get('ratelimit-remaining'))).toEqual(['2', '1', '0', '0']);
      expect(answers[0].headers.get('ratelimit-policy')).toBe('3;w=60');
      const retryAfter = Number(answers[3].headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect(answers[3].headers.get('content-type')).toContain('application/problem+json');
      // Another caller has its own bucket.
      const other = await signIn(gw.url, privateKeyToAccount(generatePrivateKey()), SIWE_DOMAIN);
      expect((await call(gw, route, bearer(other))).status).toBe(200);
    });
  });

  describe('headers and docs', () => {
    it('sends security headers, and CORS headers only to configured origins', async () => {
      const allowed = await fetch(`${gw.url}/openapi.json`, {
        headers: { origin: 'https://app.convergence.test' },
      });
      expect(allowed.headers.get('access-control-allow-origin')).toBe('https://app.convergence.test');
      expect(allowed.headers.get('x-content-type-options')).toBe('nosniff');
      expect(allowed.headers.get('content-security-policy')).toContain("default-src 'self'");
      const other = await fetch(`${gw.url}/openapi.json`, { headers: { origin: 'https://evil.example' } });
      expect(other.headers.get('access-control-allow-origin')).toBeNull();
    });

    it('serves the committed OpenAPI document and a docs page', async () => {
      const committed = JSON.parse(
        await readFile(resolve(__dirname, '../../openapi.json'), 'utf8'),
      ) as unknown;
      expect(await (await fetch(`${gw.url}/openapi.json`)).json()).toEqual(committed);
      const docs = await fetch(`${gw.url}/docs`);
      expect(docs.headers.get('content-type')).toContain('text/html');
      expect(await docs.text()).toContain('/api/unlocks/eligibility');
    });
  });
});
