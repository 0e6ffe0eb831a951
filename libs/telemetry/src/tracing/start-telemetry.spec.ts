import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { SpanKind } from '@opentelemetry/api';
import { startOtlpReceiver, type OtlpReceiver, type ReceivedSpan } from '../testing';
import type { FixtureReport } from './start-telemetry.fixture';

const WORKSPACE_ROOT = resolve(__dirname, '../../../..');
const FIXTURE = join(__dirname, 'start-telemetry.fixture.ts');

const UPSTREAM_TRACE_ID = '0af7651916cd43dd8448eb211c80319c';
const UPSTREAM_SPAN_ID = 'b7ad6b7169203331';

// Each scenario needs its own process: startTelemetry patches modules and OTel globals once per process.
// The spec imports only the fixture's types: importing its code would run it inside Jest.
function runFixture(scenario: {
  otlpEndpoint?: string;
  upstreamTraceparent?: string;
}): Promise<FixtureReport> {
  const args = [FIXTURE, scenario.otlpEndpoint ?? '', scenario.upstreamTraceparent ?? ''];
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', ...args], {
      cwd: WORKSPACE_ROOT,
      env: { ...process.env, SWC_NODE_PROJECT: join(__dirname, '../../tsconfig.fixture.json') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code !== 0) return reject(new Error(`fixture exited with ${code}\n${stderr}\n${stdout}`));
      try {
        resolvePromise(JSON.parse(stdout.trim().split('\n').at(-1) ?? '') as FixtureReport);
      } catch {
        reject(new Error(`fixture printed no report\n${stderr}\n${stdout}`));
      }
    });
  });
}

const HTTP_SCOPE = '@opentelemetry/instrumentation-http';

describe('startTelemetry in a child process, exporting to a real OTLP/HTTP receiver', () => {
  let receiver: OtlpReceiver;
  let report: FixtureReport;
  let spans: ReceivedSpan[];

  beforeAll(async () => {
    receiver = await startOtlpReceiver();
    report = await runFixture({ otlpEndpoint: receiver.url });
    const httpOfKind = (s: readonly ReceivedSpan[], kind: SpanKind): number =>
      s.filter((x) => x.scopeName === HTTP_SCOPE && x.kind === kind).length;
    spans = await receiver.waitForSpans(
      (s) => httpOfKind(s, SpanKind.SERVER) >= 2 && httpOfKind(s, SpanKind.CLIENT) >= 2,
      5000,
    );
  }, 40_000);

  afterAll(async () => {
    await receiver?.close();
  });

  it('is importable without loading @nestjs/core, pg, kafkajs or typeorm', () => {
    expect(report.preloaded).toEqual([]);
  });

  it('refuses a second start in the same process', () => {
    expect(report.secondStartError).toMatch(
      /^TelemetryAlreadyStartedError: .*already called.*"telemetry-fixture"/,
    );
  });

  it('exports server and client spans of one trace, with the service resource', () => {
    const http = spans.filter((s) => s.scopeName === HTTP_SCOPE);
    // Two servers, two clients: the untraced /health probe left no server span (ignoreIncomingPaths default).
    expect(http.map((s) => SpanKind[s.kind]).sort()).toEqual(['CLIENT', 'CLIENT', 'SERVER', 'SERVER']);
    expect(new Set(http.map((s) => s.traceId)).size).toBe(1);
    const [traceId] = http.map((s) => s.traceId);
    expect(traceId).toMatch(/^[0-9a-f]{32}$/);
    for (const s of spans.filter((x) => x.traceId === traceId)) {
      expect(s.serviceName).toBe('telemetry-fixture');
      expect(s.resourceAttributes['service.version']).toBe('1.2.3');
      expect(s.spanId).toMatch(/^[0-9a-f]{16}$/);
    }
  });

  it('links the spans parent to child: client → Nest server → Nest handler → client → downstream server', () => {
    const byId = new Map(spans.map((s) => [s.spanId, s]));
    const ancestry = (span: ReceivedSpan): ReceivedSpan[] => {
      const chain: ReceivedSpan[] = [];
      for (
        let s: ReceivedSpan | undefined = span;
        s;
        s = s.parentSpanId ? byId.get(s.parentSpanId) : undefined
      ) {
        chain.push(s);
      }
      return chain;
    };
    // The downstream server's span is the deepest one; walking up from it must cross every hop.
    const chain = spans
      .filter((s) => s.scopeName === HTTP_SCOPE && s.kind === SpanKind.SERVER)
      .map(ancestry)
      .reduce((a, b) => (b.length > a.length ? b : a), []);

    const kinds = chain.filter((s) => s.scopeName === HTTP_SCOPE).map((s) => SpanKind[s.kind]);
    expect(kinds).toEqual(['SERVER', 'CLIENT', 'SERVER', 'CLIENT']);
    expect(chain.at(-1)?.parentSpanId).toBeUndefined();
    expect(chain.some((s) => s.scopeName === '@opentelemetry/instrumentation-nestjs-core')).toBe(true);
  });

  it('stamps the trace ids on log lines written inside the request', () => {
    const traceId = spans.find((s) => s.scopeName === HTTP_SCOPE)?.traceId;
    const spanIds = new Set(spans.map((s) => s.spanId));
    for (const msg of ['hop', 'downstream hit']) {
      const line = report.logs.find((l) => l['msg'] === msg);
      expect(line).toMatchObject({ trace_id: traceId, service: 'telemetry-fixture' });
      expect(spanIds.has(String(line?.['span_id']))).toBe(true);
    }
  });
});

describe('startTelemetry without endpoint or exporter', () => {
  let report: FixtureReport;

  beforeAll(async () => {
    report = await runFixture({ upstreamTraceparent: `00-${UPSTREAM_TRACE_ID}-${UPSTREAM_SPAN_ID}-01` });
  }, 40_000);

  it('still continues the upstream trace, with spans of its own, downstream and in logs', () => {
    const [version, traceId, parentId, flags] = (report.downstream.traceparent ?? '').split('-');
    expect([version, traceId, flags]).toEqual(['00', UPSTREAM_TRACE_ID, '01']);
    expect(parentId).toMatch(/^[0-9a-f]{16}$/);
    expect(parentId).not.toBe(UPSTREAM_SPAN_ID);
    expect(report.logs.find((l) => l['msg'] === 'hop')).toMatchObject({ trace_id: UPSTREAM_TRACE_ID });
  });
});
