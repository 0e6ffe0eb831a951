import { randomBytes } from 'node:crypto';
import { createWorkerDatabase } from '@convergence/dev-stack';
import { createKafkaClient } from '@convergence/messaging';
import { eventually } from '@convergence/messaging/testing';
import { createEnvelope, topics } from '@convergence/schemas';
import { type ServiceProcess, spawnService, waitForReady } from '@convergence/service-kit/testing';
import { type OtlpReceiver, type ReceivedSpan, startOtlpReceiver } from '@convergence/telemetry/testing';
import { SpanKind } from '@opentelemetry/api';
import { Client } from 'pg';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import {
  type GatewayUnderTest,
  SIWE_DOMAIN,
  startGateway,
} from '../../api-gateway/src/testing/gateway.process';
import { bearer, postJson, signIn } from '../../api-gateway/src/testing/sign-in';
import { startOracle } from '../../oracle/src/testing/oracle-process';
import { TestMarketChain, fundedRandomKey } from '../../oracle/src/testing/test-market-chain';
import { randomAddress, transferLog } from './support/evm-log.factory';

// What an SRE follows in Jaeger: an operator's request at the gateway, the unlock-engine's work it caused
// (in the background, from a durable job), and the oracle consuming what that work published on Kafka.
describe('an unlock created through the gateway', () => {
  const suffix = randomBytes(3).toString('hex');
  const admin = privateKeyToAccount(generatePrivateKey());
  let receiver: OtlpReceiver;
  let unlockEngine: ServiceProcess;
  let oracle: ServiceProcess;
  let gw: GatewayUnderTest;
  let databaseUrl: string;

  beforeAll(async () => {
    receiver = await startOtlpReceiver();
    databaseUrl = await createWorkerDatabase();
    const rpcUrl = process.env['EVM_RPC_URL'] ?? '';
    // The oracle settles only on contracts of its own, so it touches nothing other suites use.
    const chain = await new TestMarketChain(
      rpcUrl,
      Number(process.env['EVM_CHAIN_ID'] ?? 31337),
      await fundedRandomKey(rpcUrl),
    ).deploy();
    [unlockEngine, oracle] = await Promise.all([
      spawnService('unlock-engine', {
        DATABASE_URL: databaseUrl,
        DATABASE_SCHEMA: `ue_rt_${suffix}`,
        KAFKA_BROKERS: process.env['KAFKA_BROKERS'] ?? '',
        KAFKA_CONSUMER_GROUP_PREFIX: `ue-rt-${suffix}.`,
        UNLOCK_RECONCILE_INTERVAL_MS: '0',
        OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
      }),
      startOracle({
        databaseUrl,
        schema: `or_rt_${suffix}`,
        groupPrefix: `or-rt-${suffix}.`,
        chain,
        env: { OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url },
      }),
    ]);
    await waitForReady(unlockEngine);
    gw = await startGateway({
      ADMIN_WALLETS: admin.address,
      UPSTREAM_UNLOCK_ENGINE_URL: unlockEngine.url,
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
    });
  });

  afterAll(async () => {
    await gw?.stop();
    await Promise.all([unlockEngine?.stop(), oracle?.stop()]);
    await receiver?.close();
  });

  it('is one trace from the gateway through the unlock-engine and Kafka to the oracle', async () => {
    // A wallet the engine already knows: one Transfer, applied before the unlock exists.
    const wallet = randomAddress();
    const kafka = createKafkaClient({
      serviceName: 'request-trace-spec',
      brokers: (process.env['KAFKA_BROKERS'] ?? '').split(','),
      topicPartitions: 3,
      replicationFactor: 1,
    });
    const producer = kafka.producer();
    await producer.connect();
    try {
      const log = transferLog(randomAddress(), wallet);
      const envelope = createEnvelope(topics.chainEvmLog, {
        id: `${log.chainId}:${log.blockHash}:${log.logIndex}`,
        source: 'request-trace-spec',
        data: log,
      });
      await producer.send({
        topic: topics.chainEvmLog.name,
        messages: [{ key: String(log.chainId), value: JSON.stringify(envelope) }],
      });
    } finally {
      await producer.disconnect();
    }
    const db = new Client({ connectionString: databaseUrl });
    await db.connect();
    try {
      await eventually(
        async () => {
          const { rows } = await db.query(
            `SELECT 1 FROM "ue_rt_${suffix}".wallet_activity WHERE wallet = $1`,
            [wallet],
          );
          return rows.length > 0 ? true : undefined;
        },
        30_000,
        'the transfer applied by the unlock-engine',
      );
    } finally {
      await db.end();
    }

    const tokens = await signIn(gw.url, admin, SIWE_DOMAIN);
    const created = await postJson(
      `${gw.url}/api/admin/unlocks`,
      {
        id: `first-transfer-${suffix}`,
        title: 'First transfer',
        requirements: { eventCount: { event: 'Transfer', min: 1 } },
        ceremony: { steps: [{ kind: 'reveal', text: 'Welcome' }] },
      },
      bearer(tokens),
    );
    expect(created.status).toBe(201);

    // gateway SERVER span → unlock-engine SERVER span → re-evaluation page → oracle CONSUMER span, one trace id.
    const traceOf = (all: readonly ReceivedSpan[]) => {
      const gatewayRequest = all.find(
        (s) =>
          s.serviceName === 'api-gateway' &&
          s.kind === SpanKind.SERVER &&
          s.name.startsWith('POST') &&
          all.some(
            (d) => d.traceId === s.traceId && d.serviceName === 'unlock-engine' && d.kind === SpanKind.SERVER,
          ),
      );
      if (!gatewayRequest) return undefined;
      const inTrace = all.filter((s) => s.traceId === gatewayRequest.traceId);
      const page = inTrace.find(
        (s) => s.serviceName === 'unlock-engine' && s.name === 'unlock re-evaluation page',
      );
      const consumed = inTrace.find(
        (s) =>
          s.serviceName === 'oracle' &&
          s.kind === SpanKind.CONSUMER &&
          s.name.startsWith('unlock.achieved.v1'),
      );
      // The span the oracle continued: exported by the unlock-engine on its own schedule, so waited for too.
      const sent = consumed && all.find((s) => s.spanId === consumed.parentSpanId);
      return page && consumed && sent ? { gatewayRequest, page, consumed, sent } : undefined;
    };
    await receiver
      .waitForSpans((all) => traceOf(all) !== undefined, 60_000)
      .catch((error: unknown) => {
        const dump = receiver
          .spans()
          .filter((s) => !s.name.startsWith('pg'))
          .map(
            (s) =>
              `${s.traceId.slice(0, 8)} ${s.serviceName} ${SpanKind[s.kind]} ${s.name} ${s.spanId.slice(0, 6)}<${(s.parentSpanId ?? '').slice(0, 6)}`,
          )
          .join('\n');
        throw new Error(`${String(error).slice(0, 100)}\n${dump}`);
      });
    const all = receiver.spans();
    const { gatewayRequest, page, consumed, sent } = traceOf(all)!;
    expect(page.traceId).toBe(gatewayRequest.traceId);
    expect(consumed.traceId).toBe(gatewayRequest.traceId);
    // The oracle continues the outbox relay's PRODUCER span for that row, which is a child of the page that
    // wrote the row — not of the relay's own poll loop or Kafka transaction.
    expect(sent).toMatchObject({
      serviceName: 'unlock-engine',
      kind: SpanKind.PRODUCER,
      name: 'send unlock.achieved.v1',
      traceId: gatewayRequest.traceId,
    });
    expect(isDescendant(all, sent, page)).toBe(true);
  });
});

/** Whether `span` sits below `ancestor` in the parent chain of `all`. */
function isDescendant(all: readonly ReceivedSpan[], span: ReceivedSpan, ancestor: ReceivedSpan): boolean {
  for (let s: ReceivedSpan | undefined = span; s; s = all.find((p) => p.spanId === s!.parentSpanId))
    if (s.parentSpanId === ancestor.spanId) return true;
  return false;
}
