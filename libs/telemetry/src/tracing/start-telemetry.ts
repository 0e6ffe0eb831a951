import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { KafkaJsInstrumentation } from '@opentelemetry/instrumentation-kafkajs';
import { NestInstrumentation } from '@opentelemetry/instrumentation-nestjs-core';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { hostDetector, processDetector, resourceFromAttributes } from '@opentelemetry/resources';
import { NodeSDK } from '@opentelemetry/sdk-node';
import {
  BatchSpanProcessor,
  NoopSpanProcessor,
  ParentBasedSampler,
  SimpleSpanProcessor,
  TraceIdRatioBasedSampler,
  type SpanExporter,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { ATTR_SERVICE_NAME, ATTR_SERVICE_VERSION } from '@opentelemetry/semantic-conventions';
import { otlpTracesUrl, requestPathOf } from './otlp-url.util';
import { TelemetryAlreadyStartedError } from './telemetry-already-started.error';
import { w3cPropagator } from './w3c.propagator';

export interface TelemetryOptions {
  serviceName: string;
  serviceVersion?: string;
  /** OTLP/HTTP base URL such as `http://jaeger:4318`; spans are posted to `<base>/v1/traces`. */
  otlpEndpoint?: string;
  /** Extra exporter fed through a SimpleSpanProcessor, so tests see each span as soon as it ends. */
  traceExporter?: SpanExporter;
  /** Fraction of new root traces sampled (0..1, default 1); child spans follow their parent's decision. */
  sampleRatio?: number;
  /** Incoming request paths that get no server span; default `/health`, `/ready`, `/metrics` (probes and scrapes). */
  ignoreIncomingPaths?: readonly string[];
}

export interface TelemetryHandle {
  /** Flushes pending spans and stops the SDK; safe to call more than once. */
  shutdown(): Promise<void>;
}

const DEFAULT_IGNORED_PATHS = ['/health', '/ready', '/metrics'];

// Lives on globalThis, not in module scope, so a second copy of this module still sees the first SDK.
const STARTED = Symbol.for('convergence.telemetry.started-service');
type GlobalWithTelemetry = typeof globalThis & { [STARTED]?: string };

/**
 * Starts the OpenTelemetry Node SDK for this process: W3C trace-context + baggage propagation,
 * http / nestjs-core / pg / kafkajs instrumentation, and span export over OTLP/HTTP when an endpoint
 * is given. Without endpoint and exporter, spans are still created (trace ids reach logs and
 * downstream services) but go nowhere. Call it once, before anything else is imported; a second
 * call throws TelemetryAlreadyStartedError.
 *
 * @example
 * // apps/oracle/src/instrument.ts, imported first by main.ts
 * import { startTelemetry } from '@convergence/telemetry';
 * export const telemetry = startTelemetry({
 *   serviceName: 'oracle',
 *   serviceVersion: config.version,
 *   otlpEndpoint: config.otlpEndpoint, // e.g. http://jaeger:4318
 * });
 * // main.ts, on SIGTERM after app.close():
 * await telemetry.shutdown();
 */
export function startTelemetry(options: TelemetryOptions): TelemetryHandle {
  const state = globalThis as GlobalWithTelemetry;
  const running = state[STARTED];
  if (running !== undefined) throw new TelemetryAlreadyStartedError(running);
  if (options.serviceName.trim() === '') throw new Error('startTelemetry: serviceName must not be empty');
  const sampleRatio = options.sampleRatio ?? 1;
  if (!(sampleRatio >= 0 && sampleRatio <= 1)) {
    throw new Error(`startTelemetry: sampleRatio must be within 0..1, got ${sampleRatio}`);
  }

  const spanProcessors: SpanProcessor[] = [];
  if (options.otlpEndpoint !== undefined) {
    spanProcessors.push(
      new BatchSpanProcessor(new OTLPTraceExporter({ url: otlpTracesUrl(options.otlpEndpoint) })),
    );
  }
  if (options.traceExporter) spanProcessors.push(new SimpleSpanProcessor(options.traceExporter));
  // NodeSDK registers no tracer provider for an empty list, which would leave spans without ids.
  if (spanProcessors.length === 0) spanProcessors.push(new NoopSpanProcessor());

  const ignored = new Set(options.ignoreIncomingPaths ?? DEFAULT_IGNORED_PATHS);
  const sdk = new NodeSDK({
    resource: resourceFromAttributes({
      [ATTR_SERVICE_NAME]: options.serviceName,
      ...(options.serviceVersion === undefined ? {} : { [ATTR_SERVICE_VERSION]: options.serviceVersion }),
    }),
    serviceName: options.serviceName,
    // The env detector is left out on purpose: callers pass config, OTEL_SERVICE_NAME must not override it.
    resourceDetectors: [processDetector, hostDetector],
    textMapPropagator: w3cPropagator,
    sampler: new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(sampleRatio) }),
    spanProcessors,
    // Empty lists stop NodeSDK from wiring its env-driven OTLP metric and log exporters; metrics are prom-client.
    metricReaders: [],
    logRecordProcessors: [],
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (req) => ignored.has(requestPathOf(req.url)),
      }),
      new NestInstrumentation(),
      // Without a parent, pool connects and probe queries would each become a one-span trace.
      new PgInstrumentation({ requireParentSpan: true }),
      new KafkaJsInstrumentation(),
    ],
  });
  sdk.start();
  state[STARTED] = options.serviceName;

  let stopping: Promise<void> | undefined;
  return {
    shutdown: () => (stopping ??= sdk.shutdown()),
  };
}
