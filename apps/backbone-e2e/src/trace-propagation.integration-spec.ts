import { randomBytes } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { createWorkerDatabase } from '@convergence/dev-stack';
import { type ServiceProcess, spawnService, waitForReady } from '@convergence/service-kit/testing';
import { type TelemetryHandle, startTelemetry } from '@convergence/telemetry';
import { type OtlpReceiver, type ReceivedSpan, startOtlpReceiver } from '@convergence/telemetry/testing';
import { SpanKind, trace } from '@opentelemetry/api';
import { Client } from 'pg';
import { AppModule as ChainIndexerModule } from '../../chain-indexer/src/app.module';
import { envSchema as chainIndexerEnv } from '../../chain-indexer/src/config/env';
import { EvmLogPublisher } from '../../chain-indexer/src/publishing/evm-log.publisher';
import { randomAddress, transferLog } from './support/evm-log.factory';

describe('an event from chain-indexer to unlock-engine', () => {
  const suffix = randomBytes(3).toString('hex');
  let receiver: OtlpReceiver;
  let telemetry: TelemetryHandle;
  let unlockEngine: ServiceProcess;
  let indexer: INestApplicationContext;
  let databaseUrl: string;

  beforeAll(async () => {
    receiver = await startOtlpReceiver();
    telemetry = startTelemetry({ serviceName: 'chain-indexer', otlpEndpoint: receiver.url });
    databaseUrl = await createWorkerDatabase();
    unlockEngine = await spawnService('unlock-engine', {
      DATABASE_URL: databaseUrl,
      DATABASE_SCHEMA: `ue_trace_${suffix}`,
      KAFKA_BROKERS: process.env['KAFKA_BROKERS'] ?? '',
      KAFKA_CONSUMER_GROUP_PREFIX: `trace-${suffix}.`,
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
    });
    await waitForReady(unlockEngine);
    const env = chainIndexerEnv.parse({
      DATABASE_URL: databaseUrl,
      DATABASE_SCHEMA: `ci_trace_${suffix}`,
      KAFKA_BROKERS: process.env['KAFKA_BROKERS'],
    });
    indexer = await NestFactory.createApplicationContext(ChainIndexerModule.register(env), { logger: false });
  });

  afterAll(async () => {
    await indexer?.close();
    await unlockEngine?.stop();
    await telemetry?.shutdown();
    await receiver?.close();
  });

  it("is consumed through the real broker inside the producer's trace", async () => {
    const wallet = randomAddress();
    const tracer = trace.getTracer('backbone-e2e');
    const traceId = await tracer.startActiveSpan('index block', async (span) => {
      await indexer.get(EvmLogPublisher).publish([transferLog(wallet, randomAddress())]);
      span.end();
      return span.spanContext().traceId;
    });

    const isConsumerSpan = (s: ReceivedSpan) =>
      s.serviceName === 'unlock-engine' && s.name === 'chain.evm.log.v1 process' && s.traceId === traceId;
    const spans = await receiver.waitForSpans((all) => all.some(isConsumerSpan), 30_000);
    const consumerSpan = spans.find(isConsumerSpan);
    expect(consumerSpan?.kind).toBe(SpanKind.CONSUMER);
    // The effect happened too, in unlock-engine's own schema.
    const db = new Client({ connectionString: databaseUrl });
    await db.connect();
    try {
      const { rows } = await db.query(
        `SELECT count FROM "ue_trace_${suffix}".wallet_activity WHERE wallet = $1`,
        [wallet],
      );
      expect(rows).toEqual([{ count: '1' }]);
    } finally {
      await db.end();
    }
  });
});
