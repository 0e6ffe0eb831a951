import { gzipSync } from 'node:zlib';
import { SpanKind } from '@opentelemetry/api';
import { startOtlpReceiver, type OtlpReceiver } from './otlp.receiver';

describe('startOtlpReceiver', () => {
  let receiver: OtlpReceiver;
  beforeEach(async () => {
    receiver = await startOtlpReceiver();
  });
  afterEach(async () => {
    await receiver.close();
  });

  // The real exporter can't run in Jest (it loads http with import(), which Jest's VM refuses);
  // start-telemetry.spec.ts covers it end to end. This body has the shape its JsonTraceSerializer writes.
  it('decodes OTLP/JSON with hex ids, kinds and typed attributes', async () => {
    const attr = (key: string, value: object): object => ({ key, value });
    const body = {
      resourceSpans: [
        {
          resource: {
            attributes: [attr('service.name', { stringValue: 'receiver-spec' })],
            droppedAttributesCount: 0,
          },
          scopeSpans: [
            {
              scope: { name: 'receiver-spec-scope', version: '1' },
              spans: [
                { traceId: 'ab'.repeat(16), spanId: '01'.repeat(8), name: 'parent', kind: 5, attributes: [] },
                {
                  traceId: 'ab'.repeat(16),
                  spanId: '02'.repeat(8),
                  parentSpanId: '01'.repeat(8),
                  name: 'child',
                  kind: 4,
                  startTimeUnixNano: '1700000000000000000',
                  attributes: [
                    attr('messaging.system', { stringValue: 'kafka' }),
                    attr('partition', { intValue: 3 }),
                    attr('ratio', { doubleValue: 0.5 }),
                    attr('retried', { boolValue: false }),
                    attr('tags', { arrayValue: { values: [{ stringValue: 'a' }, { stringValue: 'b' }] } }),
                    attr('nested', { kvlistValue: { values: [attr('k', { intValue: 1 })] } }),
                  ],
                },
              ],
            },
          ],
        },
      ],
    };
    const res = await fetch(`${receiver.url}/v1/traces`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');

    const spans = await receiver.waitForSpans((s) => s.length === 2, 1000);
    expect(spans[0]).toEqual({
      traceId: 'ab'.repeat(16),
      spanId: '01'.repeat(8),
      name: 'parent',
      kind: SpanKind.CONSUMER,
      serviceName: 'receiver-spec',
      scopeName: 'receiver-spec-scope',
      attributes: {},
      resourceAttributes: { 'service.name': 'receiver-spec' },
    });
    expect(spans[1]).toMatchObject({
      parentSpanId: '01'.repeat(8),
      kind: SpanKind.PRODUCER,
      attributes: {
        'messaging.system': 'kafka',
        partition: 3,
        ratio: 0.5,
        retried: false,
        tags: ['a', 'b'],
        nested: { k: 1 },
      },
    });
  });

  it('accepts gzip-compressed OTLP/JSON', async () => {
    const body = {
      resourceSpans: [
        {
          resource: { attributes: [{ key: 'service.name', value: { stringValue: 'gz' } }] },
          scopeSpans: [
            {
              scope: { name: 's' },
              spans: [
                {
                  traceId: '4BF92F3577B34DA6A3CE929D0E0E4736',
                  spanId: '00F067AA0BA902B7',
                  parentSpanId: '',
                  name: 'GET',
                  kind: 2,
                  attributes: [{ key: 'http.status_code', value: { intValue: '200' } }],
                },
              ],
            },
          ],
        },
      ],
    };
    const res = await fetch(`${receiver.url}/v1/traces`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      body: gzipSync(JSON.stringify(body)),
    });
    expect(res.status).toBe(200);
    expect(receiver.spans()).toEqual([
      {
        traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
        spanId: '00f067aa0ba902b7',
        name: 'GET',
        kind: SpanKind.SERVER,
        serviceName: 'gz',
        scopeName: 's',
        attributes: { 'http.status_code': 200 },
        resourceAttributes: { 'service.name': 'gz' },
      },
    ]);
  });

  it('rejects protobuf bodies and other paths instead of pretending to accept them', async () => {
    const proto = await fetch(`${receiver.url}/v1/traces`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-protobuf' },
      body: new Uint8Array([10, 0]),
    });
    expect(proto.status).toBe(415);
    expect((await fetch(`${receiver.url}/v1/metrics`, { method: 'POST', body: '{}' })).status).toBe(404);
    expect(receiver.spans()).toEqual([]);
  });

  it('names what arrived when waitForSpans times out', async () => {
    await expect(receiver.waitForSpans((s) => s.length > 0, 50)).rejects.toThrow(
      'waitForSpans: predicate still false after 50 ms; received: none',
    );
  });
});
