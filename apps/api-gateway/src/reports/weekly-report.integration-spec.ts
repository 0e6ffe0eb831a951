import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { type GatewayUnderTest, SIWE_DOMAIN, startGateway } from '../testing/gateway.process';
import { type Tokens, bearer, signIn } from '../testing/sign-in';
import type { WeeklyReport } from './weekly-report.util';

/** A service's /metrics as prom-client writes it, with the metric names the report reads. */
function serviceMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const llmLatency = new Histogram({
    name: 'oracle_llm_request_duration_seconds',
    help: 'Messages API calls',
    labelNames: ['purpose', 'outcome'],
    buckets: [0.25, 0.5, 1, 2, 5],
    registers: [registry],
  });
  const llmCost = new Counter({
    name: 'oracle_llm_cost_usd_total',
    help: 'cost',
    labelNames: ['model'],
    registers: [registry],
  });
  const achievements = new Counter({
    name: 'unlock_engine_achievements_total',
    help: 'unlocks',
    labelNames: ['provisional'],
    registers: [registry],
  });
  const rpcErrors = new Counter({
    name: 'chain_indexer_rpc_errors_total',
    help: 'rpc errors',
    labelNames: ['chain_id', 'endpoint', 'kind'],
    registers: [registry],
  });
  const transactions = new Counter({
    name: 'oracle_transactions_total',
    help: 'transactions',
    labelNames: ['chain', 'outcome'],
    registers: [registry],
  });
  return { registry, llmLatency, llmCost, achievements, rpcErrors, transactions };
}

describe('GET /api/operator/reports/weekly', () => {
  const operator = privateKeyToAccount(generatePrivateKey());
  const metrics = serviceMetrics();
  let gw: GatewayUnderTest;
  let tokens: Tokens;
  let alertHistoryQuery: string | undefined;
  // The stub answers synchronously: the metrics text is rendered again after each change.
  let metricsText = '';
  const publishMetrics = async () => void (metricsText = await metrics.registry.metrics());

  beforeAll(async () => {
    await publishMetrics();
    gw = await startGateway({ OPERATOR_WALLETS: operator.address, RATE_LIMIT_MAX: '10000' });
    for (const stub of Object.values(gw.stubs))
      stub.answer((request) => {
        if (request.url === '/metrics') return { status: 200, text: metricsText };
        if (request.url.startsWith('/api/v1/history/alerts')) {
          alertHistoryQuery = request.url;
          return { status: 200, body: [{ fingerprint: 'a' }, { fingerprint: 'b' }] };
        }
        return { status: 200, body: { ok: true } };
      });
    tokens = await signIn(gw.url, operator, SIWE_DOMAIN);
  });
  afterAll(async () => {
    await gw?.stop();
  });

  const report = async (query = '') => {
    const response = await fetch(`${gw.url}/api/operator/reports/weekly${query}`, {
      headers: bearer(tokens),
    });
    return response;
  };

  it("computes the week's figures from the services' metrics and the gateway's own data", async () => {
    metrics.llmLatency.observe({ purpose: 'sentiment', outcome: 'ok' }, 0.3);
    metrics.llmLatency.observe({ purpose: 'sentiment', outcome: 'ok' }, 0.7);
    metrics.llmCost.inc({ model: 'claude' }, 0.42);
    metrics.achievements.inc({ provisional: 'false' }, 3);
    metrics.rpcErrors.inc({ chain_id: '1', endpoint: '0:rpc', kind: 'timeout' }, 2);
    metrics.transactions.inc({ chain: '31337', outcome: 'reverted' });
    metrics.transactions.inc({ chain: '31337', outcome: 'confirmed' }, 5);
    await publishMetrics();

    const response = await report();
    expect(response.status).toBe(200);
    const body = (await response.json()) as WeeklyReport;
    expect(body.title).toBe('Convergence weekly operations report');
    expect(new Date(body.period.end).getTime() - new Date(body.period.start).getTime()).toBe(7 * 86_400_000);
    // The stubbed services' processes (this test process) started inside the week: everything they counted is in it.
    expect(body.figures).toMatchObject({
      llmCalls: 2,
      llmCostUsd: 0.42,
      unlocksCompleted: 3,
      failedRpcCalls: 2,
      // The oracle's one reverted settlement transaction; the gateway sent none.
      contractReverts: 1,
    });
    // The gateway's own SQL statements (sign-in, auth log, samples) are timed.
    expect(body.figures.dbQueryP95Ms).toBeGreaterThan(0);
    expect(body.figures.llmLatencyP95Ms).toBeGreaterThan(500);
    expect(body.figures.llmLatencyP95Ms).toBeLessThanOrEqual(1000);
    // The sign-in above is this gateway's API traffic and its one active wallet today.
    expect(body.figures.apiP95Ms).toBeGreaterThan(0);
    expect(body.figures.errorRatePercent).toBe(0);
    expect(body.figures.uptimePercent).toBe(100);
    expect(body.details.dailyActiveWalletsByDay.at(-1)).toEqual({
      day: new Date().toISOString().slice(0, 10),
      wallets: 1,
    });
    expect(body.details.alertsFired).toBe(2);
    expect(alertHistoryQuery).toContain('status=firing');
    expect(body.notes.find((n) => n.figure === 'dbQueryP95Ms')!.note).toContain(
      'db_client_operation_duration_seconds',
    );
    expect(body.notes.find((n) => n.figure === 'uptimePercent')!.note).toContain('known only from');
  });

  it('counts what happened since the last report on top', async () => {
    metrics.achievements.inc({ provisional: 'true' }, 4);
    await publishMetrics();
    const body = (await (await report()).json()) as WeeklyReport;
    expect(body.figures.unlocksCompleted).toBe(7);
  });

  it("says it knows nothing of a week before the gateway's first sample", async () => {
    const body = (await (await report('?end=2020-01-07')).json()) as WeeklyReport;
    expect(body.period).toEqual({ start: '2020-01-01T00:00:00.000Z', end: '2020-01-08T00:00:00.000Z' });
    expect(body.figures).toMatchObject({
      apiP95Ms: null,
      unlocksCompleted: null,
      llmCalls: null,
      uptimePercent: null,
    });
    expect(body.notes.find((n) => n.figure === 'unlocksCompleted')!.note).toContain(
      'no samples in the period',
    );
  });

  it('renders Markdown in the operators’ layout', async () => {
    const response = await report('?format=markdown');
    expect(response.headers.get('content-type')).toContain('text/markdown');
    const text = await response.text();
    expect(text).toMatch(/^# Convergence weekly operations report\n\n\*\*Period:\*\* /);
    expect(text).toContain('| Unlocks completed | 7 |');
    expect(text).toMatch(/\| DB query time \(p95\) \| \d+(\.\d)? ms \|/);
  });

  it('refuses a bad format or end, naming the field', async () => {
    const response = await report('?format=pdf&end=last-week');
    expect(response.status).toBe(400);
    const problem = (await response.json()) as { errors: { field: string }[] };
    expect(problem.errors.map((e) => e.field).sort()).toEqual(['end', 'format']);
  });
});
