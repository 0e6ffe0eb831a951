import { get } from 'node:http';
import { randomBytes } from 'node:crypto';
import { type OtlpReceiver, startOtlpReceiver } from '@convergence/telemetry/testing';
import { SpanKind } from '@opentelemetry/api';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { type GatewayUnderTest, SIWE_DOMAIN, startGateway } from '../testing/gateway.process';
import { type Tokens, bearer, postJson, signIn } from '../testing/sign-in';

const ORIGIN = 'https://app.convergence.test';

/** The value of one series in Prometheus text (0 when absent). */
function sample(metrics: string, series: string): number {
  const line = metrics
    .split('\n')
    .find((l) => l.startsWith(`${series} `) || l.startsWith(`${series.slice(0, -1)},`));
  return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : 0;
}

describe('cached reads (fast path ahead of Express and Nest)', () => {
  const admin = privateKeyToAccount(generatePrivateKey());
  let gw: GatewayUnderTest;
  let receiver: OtlpReceiver;
  let adminTokens: Tokens;
  let viewerTokens: Tokens;

  beforeAll(async () => {
    receiver = await startOtlpReceiver();
    gw = await startGateway({
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
      ADMIN_WALLETS: admin.address,
      CORS_ORIGINS: ORIGIN,
      // Own, small bucket for eligibility so the limit is reached within the test.
      RATE_LIMIT_ROUTES: 'unlocks.eligibility=4/900',
    });
    gw.stubs['unlock-engine'].answer((request) => ({
      status: 200,
      body: { wallet: request.url.split('/').pop(), unlocks: [{ id: 'gold', achieved: false }] },
    }));
    adminTokens = await signIn(gw.url, admin, SIWE_DOMAIN);
    viewerTokens = await signIn(gw.url, privateKeyToAccount(generatePrivateKey()), SIWE_DOMAIN);
  });
  afterAll(async () => {
    await gw?.stop();
    await receiver?.close();
  });

  const wallet = () => privateKeyToAccount(generatePrivateKey()).address.toLowerCase();
  const eligibility = (address: string, headers: Record<string, string>) =>
    fetch(`${gw.url}/api/unlocks/eligibility?address=${address}`, { headers });
  const metrics = async () => (await fetch(`${gw.url}/metrics`)).text();
  const fastAnswers = (text: string) =>
    sample(text, 'api_gateway_fast_path_answers_total{route="unlocks.eligibility",service="api-gateway"}');

  it('answers a hit with the body and headers the full pipeline answered the miss with, and counts it', async () => {
    const address = wallet();
    const before = await metrics();
    const miss = await eligibility(address, { ...bearer(viewerTokens), origin: ORIGIN });
    const hit = await eligibility(address, { ...bearer(viewerTokens), origin: ORIGIN });
    const after = await metrics();

    expect([miss.status, hit.status]).toEqual([200, 200]);
    expect([miss.headers.get('x-cache'), hit.headers.get('x-cache')]).toEqual(['miss', 'hit']);
    expect(await hit.text()).toBe(await miss.text());
    const headersOf = (response: Response) =>
      Object.fromEntries(
        [...response.headers].filter(
          ([name]) => !['date', 'x-cache', 'ratelimit-remaining', 'ratelimit-reset'].includes(name),
        ),
      );
    // helmet's security headers, CORS, RateLimit-*, Content-Type, Content-Length, ETag: all equal.
    expect(headersOf(hit)).toEqual(headersOf(miss));
    expect(hit.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(hit.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(hit.headers.get('etag')).toMatch(/^W\/"/);
    expect(Number(miss.headers.get('ratelimit-remaining')) - 1).toBe(
      Number(hit.headers.get('ratelimit-remaining')),
    );
    // Seconds to the window's end, read a moment apart.
    expect(
      Number(miss.headers.get('ratelimit-reset')) - Number(hit.headers.get('ratelimit-reset')),
    ).toBeLessThanOrEqual(1);

    expect(gw.stubs['unlock-engine'].requests.filter((r) => r.url.endsWith(address))).toHaveLength(1);
    expect(fastAnswers(after) - fastAnswers(before)).toBe(1);
    const served =
      'http_requests_total{method="GET",route="/api/unlocks/eligibility",status_code="200",service="api-gateway"}';
    expect(sample(after, served) - sample(before, served)).toBe(2);
    const hits = 'api_gateway_cache_lookups_total{answer="eligibility",result="hit",service="api-gateway"}';
    expect(sample(after, hits) - sample(before, hits)).toBe(1);
  });

  it('leaves refusals of a cached answer to the full pipeline: no token, a bad token, a key without the scope', async () => {
    const address = wallet();
    expect((await eligibility(address, bearer(viewerTokens))).headers.get('x-cache')).toBe('miss');
    const before = fastAnswers(await metrics());

    const anonymous = await eligibility(address, {});
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('content-type')).toContain('application/problem+json');
    expect(((await anonymous.json()) as { type: string }).type).toBe(
      'urn:convergence:auth:missing-credentials',
    );

    const forged = await eligibility(address, { authorization: `Bearer ${viewerTokens.accessToken}x` });
    expect(forged.status).toBe(401);
    expect(((await forged.json()) as { type: string }).type).toBe('urn:convergence:auth:invalid-token');

    const created = await postJson(
      `${gw.url}/api/admin/api-keys`,
      { name: 'alerts only', role: 'viewer', scopes: ['alerts:read'] },
      bearer(adminTokens),
    );
    const { key } = (await created.json()) as { key: string };
    // The first use looks the key up (full pipeline); the second finds it trusted in memory.
    for (let i = 0; i < 2; i++) {
      const outOfScope = await eligibility(address, { 'x-api-key': key });
      expect(outOfScope.status).toBe(403);
      expect(((await outOfScope.json()) as { type: string }).type).toBe('urn:convergence:auth:scope-missing');
    }
    expect(fastAnswers(await metrics())).toBe(before);
  });

  it('serves an API key from memory and stops at once when it is revoked on this instance', async () => {
    const address = wallet();
    const created = await postJson(
      `${gw.url}/api/admin/api-keys`,
      { name: 'reader', role: 'viewer', scopes: ['unlocks:read'] },
      bearer(adminTokens),
    );
    const { id, key } = (await created.json()) as { id: string; key: string };
    const withKey = { 'x-api-key': key };
    expect((await eligibility(address, withKey)).headers.get('x-cache')).toBe('miss');
    const before = fastAnswers(await metrics());
    const hit = await eligibility(address, withKey);
    expect([hit.status, hit.headers.get('x-cache')]).toEqual([200, 'hit']);
    expect(fastAnswers(await metrics())).toBe(before + 1);

    const revoked = await fetch(`${gw.url}/api/admin/api-keys/${id}`, {
      method: 'DELETE',
      headers: bearer(adminTokens),
    });
    expect(revoked.status).toBe(204);
    const after = await eligibility(address, withKey);
    expect(after.status).toBe(401);
    expect(((await after.json()) as { type: string }).type).toBe('urn:convergence:auth:revoked-key');
  });

  it('counts hits against the rate limit and answers the 429 with Retry-After once it is spent', async () => {
    const tokens = await signIn(gw.url, privateKeyToAccount(generatePrivateKey()), SIWE_DOMAIN);
    const address = wallet();
    const answers = [];
    for (let i = 0; i < 5; i++) {
      const response = await eligibility(address, bearer(tokens));
      answers.push([
        response.status,
        response.headers.get('x-cache'),
        response.headers.get('ratelimit-remaining'),
      ]);
    }
    expect(answers).toEqual([
      [200, 'miss', '3'],
      [200, 'hit', '2'],
      [200, 'hit', '1'],
      [200, 'hit', '0'],
      [429, null, '0'],
    ]);
    const limited = await eligibility(address, bearer(tokens));
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(limited.headers.get('content-type')).toContain('application/problem+json');
  });

  it('sends a conditional request or a bad query the full way', async () => {
    // Own wallet: each caller has 4 eligibility reads in this run.
    const tokens = await signIn(gw.url, privateKeyToAccount(generatePrivateKey()), SIWE_DOMAIN);
    const address = wallet();
    const first = await eligibility(address, bearer(tokens));
    const etag = first.headers.get('etag')!;
    // node:http, not fetch: fetch adds Cache-Control: no-cache to a conditional request.
    const notModified = await new Promise<number | undefined>((resolve, reject) =>
      get(
        `${gw.url}/api/unlocks/eligibility?address=${address}`,
        { headers: { ...bearer(tokens), 'if-none-match': etag } },
        (response) => {
          response.resume();
          resolve(response.statusCode);
        },
      ).once('error', reject),
    );
    expect(notModified).toBe(304);

    const extraField = await fetch(`${gw.url}/api/unlocks/eligibility?address=${address}&x=1`, {
      headers: bearer(tokens),
    });
    expect(extraField.status).toBe(400);
    const problem = (await extraField.json()) as { errors: { message: string }[] };
    expect(problem.errors[0]?.message).toContain("'x'");
  });

  it("traces a hit in its own SERVER span under the caller's traceparent, and a miss through the http instrumentation", async () => {
    // Own wallet: each caller has 4 eligibility reads in this run.
    const tokens = await signIn(gw.url, privateKeyToAccount(generatePrivateKey()), SIWE_DOMAIN);
    const address = wallet();
    const traceparent = () => {
      const [traceId, spanId] = [randomBytes(16).toString('hex'), randomBytes(8).toString('hex')];
      return { traceId, spanId, header: `00-${traceId}-${spanId}-01` };
    };
    const [missParent, hitParent] = [traceparent(), traceparent()];
    const miss = await eligibility(address, { ...bearer(tokens), traceparent: missParent.header });
    const hit = await eligibility(address, { ...bearer(tokens), traceparent: hitParent.header });
    expect([miss.headers.get('x-cache'), hit.headers.get('x-cache')]).toEqual(['miss', 'hit']);

    const serverSpanOf = (parent: { traceId: string; spanId: string }) =>
      receiver
        .spans()
        .find(
          (s) =>
            s.serviceName === 'api-gateway' &&
            s.kind === SpanKind.SERVER &&
            s.traceId === parent.traceId &&
            s.parentSpanId === parent.spanId,
        );
    await receiver.waitForSpans(() => !!serverSpanOf(missParent) && !!serverSpanOf(hitParent), 20_000);
    expect(serverSpanOf(missParent)!.scopeName).toBe('@opentelemetry/instrumentation-http');
    expect(serverSpanOf(hitParent)).toMatchObject({
      name: 'GET /api/unlocks/eligibility',
      scopeName: 'api-gateway.cached-read-fast-path',
      attributes: expect.objectContaining({
        'http.method': 'GET',
        'http.route': '/api/unlocks/eligibility',
        'http.target': `/api/unlocks/eligibility?address=${address}`,
        'http.status_code': 200,
      }),
    });
  });
});
