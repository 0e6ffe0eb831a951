import { randomBytes } from 'node:crypto';
import { createWorkerDatabase } from '@convergence/dev-stack';
import { type ServiceProcess, spawnService, waitForReady } from '@convergence/service-kit/testing';
import { type OtlpReceiver, type ReceivedSpan, startOtlpReceiver } from '@convergence/telemetry/testing';
import { SpanKind } from '@opentelemetry/api';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { type GatewayUnderTest, SIWE_DOMAIN, startGateway } from '../testing/gateway.process';
import { bearer, signIn } from '../testing/sign-in';

describe('a request through the gateway to the alert-router', () => {
  const operator = privateKeyToAccount(generatePrivateKey());
  let receiver: OtlpReceiver;
  let alertRouter: ServiceProcess;
  let gw: GatewayUnderTest;

  beforeAll(async () => {
    receiver = await startOtlpReceiver();
    const suffix = randomBytes(3).toString('hex');
    alertRouter = await spawnService('alert-router', {
      DATABASE_URL: await createWorkerDatabase(),
      DATABASE_SCHEMA: `ar_gw_${suffix}`,
      KAFKA_BROKERS: process.env['KAFKA_BROKERS'] ?? '',
      KAFKA_CONSUMER_GROUP_PREFIX: `ar-gw-${suffix}.`,
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
    });
    await waitForReady(alertRouter);
    gw = await startGateway({
      OPERATOR_WALLETS: operator.address,
      UPSTREAM_ALERT_ROUTER_URL: alertRouter.url,
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
    });
  });
  afterAll(async () => {
    await gw?.stop();
    await alertRouter?.stop();
    await receiver?.close();
  });

  it("is one trace: the alert-router's server span is a child of the gateway's client span", async () => {
    const tokens = await signIn(gw.url, operator, SIWE_DOMAIN);
    const response = await fetch(`${gw.url}/api/operator/alerts`, { headers: bearer(tokens) });
    expect(response.status).toBe(200);
    expect(Array.isArray(await response.json())).toBe(true);

    // The chain: gateway SERVER span -> (Nest handler spans) -> gateway CLIENT span -> alert-router SERVER span.
    const chainOf = (all: readonly ReceivedSpan[]) => {
      const byId = new Map(all.map((s) => [s.spanId, s]));
      for (const downstream of all) {
        if (downstream.serviceName !== 'alert-router' || downstream.kind !== SpanKind.SERVER) continue;
        const client = byId.get(downstream.parentSpanId ?? '');
        if (client?.serviceName !== 'api-gateway') continue;
        let server = byId.get(client.parentSpanId ?? '');
        while (server && server.kind !== SpanKind.SERVER) server = byId.get(server.parentSpanId ?? '');
        if (server?.serviceName === 'api-gateway') return { downstream, client, server };
      }
      return undefined;
    };
    await receiver.waitForSpans((all) => chainOf(all) !== undefined, 20_000);
    const { downstream, client, server } = chainOf(receiver.spans())!;
    expect(client).toMatchObject({
      kind: SpanKind.CLIENT,
      name: 'GET alert-router',
      traceId: server.traceId,
    });
    expect(downstream.traceId).toBe(server.traceId);
  });
});
