import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { SpanKind } from '@opentelemetry/api';

/** A span as the collector saw it, flattened from OTLP's resource → scope → span nesting. */
export interface ReceivedSpan {
  /** 32 lowercase hex chars. */
  traceId: string;
  /** 16 lowercase hex chars. */
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: SpanKind;
  /** `service.name` of the span's resource. */
  serviceName: string;
  /** Name of the instrumentation scope, e.g. `@opentelemetry/instrumentation-http`. */
  scopeName: string;
  attributes: Record<string, unknown>;
  resourceAttributes: Record<string, unknown>;
}

export interface OtlpReceiver {
  /** Base URL to pass as `otlpEndpoint`; exports arrive at `<url>/v1/traces`. */
  url: string;
  /** Every span received so far, in arrival order. */
  spans(): ReceivedSpan[];
  /** Resolves with all spans once `predicate` holds for them; rejects after `timeoutMs` listing what arrived. */
  waitForSpans(
    predicate: (spans: readonly ReceivedSpan[]) => boolean,
    timeoutMs?: number,
  ): Promise<ReceivedSpan[]>;
  close(): Promise<void>;
}

// OTLP/JSON shapes, only the fields read here (https://opentelemetry.io/docs/specs/otlp/#json-protobuf-encoding).
interface OtlpAnyValue {
  stringValue?: string;
  boolValue?: boolean;
  intValue?: number | string;
  doubleValue?: number;
  bytesValue?: string;
  arrayValue?: { values?: OtlpAnyValue[] };
  kvlistValue?: { values?: OtlpKeyValue[] };
}
interface OtlpKeyValue {
  key: string;
  value?: OtlpAnyValue;
}
interface OtlpJsonSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind?: number;
  attributes?: OtlpKeyValue[];
}
interface OtlpJsonTraceRequest {
  resourceSpans?: {
    resource?: { attributes?: OtlpKeyValue[] };
    scopeSpans?: { scope?: { name?: string }; spans?: OtlpJsonSpan[] }[];
  }[];
}

/**
 * A real OTLP/HTTP trace collector on 127.0.0.1:<random port> for tests. It accepts what
 * exporter-trace-otlp-http sends: `POST /v1/traces`, `application/json` (OTLP/JSON with hex ids),
 * optionally gzip-compressed. Protobuf bodies get 415, since no exporter this repo uses sends them.
 *
 * @example
 * const receiver = await startOtlpReceiver();
 * const telemetry = startTelemetry({ serviceName: 'x', otlpEndpoint: receiver.url });
 * const spans = await receiver.waitForSpans((s) => s.some((x) => x.kind === SpanKind.SERVER), 5000);
 * await receiver.close();
 */
export async function startOtlpReceiver(): Promise<OtlpReceiver> {
  const received: ReceivedSpan[] = [];
  const listeners = new Set<() => void>();

  const server = createServer((req, res) => {
    handle(req, res).then(
      (spans) => {
        received.push(...spans);
        listeners.forEach((notify) => notify());
      },
      (error: unknown) => reply(res, 400, { error: error instanceof Error ? error.message : String(error) }),
    );
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    spans: () => [...received],
    waitForSpans: (predicate, timeoutMs = 5000) =>
      new Promise((resolve, reject) => {
        const check = (): boolean => {
          if (!predicate(received)) return false;
          cleanup();
          resolve([...received]);
          return true;
        };
        const timer = setTimeout(() => {
          cleanup();
          const names = received.map((s) => `${s.name} (${SpanKind[s.kind]})`).join(', ') || 'none';
          reject(new Error(`waitForSpans: predicate still false after ${timeoutMs} ms; received: ${names}`));
        }, timeoutMs);
        const cleanup = (): void => {
          clearTimeout(timer);
          listeners.delete(check);
        };
        if (!check()) listeners.add(check);
      }),
    close: async () => {
      // The exporter keeps its connection alive; close() alone would wait for it to idle out.
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve())));
    },
  };
}

async function handle(req: IncomingMessage, res: ServerResponse): Promise<ReceivedSpan[]> {
  const path = (req.url ?? '/').split('?', 1)[0];
  if (req.method !== 'POST' || path !== '/v1/traces') {
    await drain(req);
    reply(res, 404, { error: `only POST /v1/traces is served, got ${req.method} ${path}` });
    return [];
  }
  let body = await drain(req);
  if (req.headers['content-encoding'] === 'gzip') body = gunzipSync(body);
  const contentType = req.headers['content-type'] ?? '';
  if (!contentType.includes('json')) {
    reply(res, 415, { error: `expected application/json (OTLP/JSON), got "${contentType}"` });
    return [];
  }
  const spans = decodeTraceRequest(JSON.parse(body.toString('utf8')) as OtlpJsonTraceRequest);
  // An empty ExportTraceServiceResponse means every span was accepted.
  reply(res, 200, {});
  return spans;
}

function decodeTraceRequest(request: OtlpJsonTraceRequest): ReceivedSpan[] {
  return (request.resourceSpans ?? []).flatMap((rs) => {
    const resourceAttributes = toAttributes(rs.resource?.attributes);
    const serviceName = String(resourceAttributes['service.name'] ?? '');
    return (rs.scopeSpans ?? []).flatMap((ss) =>
      (ss.spans ?? []).map(
        (s): ReceivedSpan => ({
          traceId: s.traceId.toLowerCase(),
          spanId: s.spanId.toLowerCase(),
          ...(s.parentSpanId ? { parentSpanId: s.parentSpanId.toLowerCase() } : {}),
          name: s.name,
          // OTLP counts SPAN_KIND_UNSPECIFIED as 0, so its kinds are the API's plus one.
          kind: s.kind ? ((s.kind - 1) as SpanKind) : SpanKind.INTERNAL,
          serviceName,
          scopeName: ss.scope?.name ?? '',
          attributes: toAttributes(s.attributes),
          resourceAttributes,
        }),
      ),
    );
  });
}

function toAttributes(list: OtlpKeyValue[] | undefined): Record<string, unknown> {
  return Object.fromEntries((list ?? []).map((kv) => [kv.key, toValue(kv.value)]));
}

function toValue(v: OtlpAnyValue | undefined): unknown {
  if (v === undefined) return undefined;
  if (v.stringValue !== undefined) return v.stringValue;
  if (v.boolValue !== undefined) return v.boolValue;
  // proto3 JSON allows int64 as a string; the JS exporter sends numbers.
  if (v.intValue !== undefined) return Number(v.intValue);
  if (v.doubleValue !== undefined) return v.doubleValue;
  if (v.bytesValue !== undefined) return v.bytesValue;
  if (v.arrayValue !== undefined) return (v.arrayValue.values ?? []).map(toValue);
  if (v.kvlistValue !== undefined) return toAttributes(v.kvlistValue.values);
  return undefined;
}

async function drain(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function reply(res: ServerResponse, status: number, body: object): void {
  if (res.headersSent) return;
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}
