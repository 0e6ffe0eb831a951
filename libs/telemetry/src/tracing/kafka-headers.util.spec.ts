import { propagation, ROOT_CONTEXT, trace, TraceFlags } from '@opentelemetry/api';
import { extractTraceContext, injectTraceHeaders } from './kafka-headers.util';

const spanContext = {
  traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
  spanId: '00f067aa0ba902b7',
  traceFlags: TraceFlags.SAMPLED,
};

describe('Kafka trace headers', () => {
  const produced = (): ReturnType<typeof trace.setSpanContext> =>
    propagation.setBaggage(
      trace.setSpanContext(ROOT_CONTEXT, spanContext),
      propagation.createBaggage({ 'tenant.id': { value: 'acme' } }),
    );

  it('writes W3C traceparent and baggage headers, keeping the existing ones', () => {
    const headers = injectTraceHeaders({ 'content-type': 'application/json' }, produced());
    expect(headers).toEqual({
      'content-type': 'application/json',
      traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
      baggage: 'tenant.id=acme',
    });
  });

  it('round-trips through string headers', () => {
    const ctx = extractTraceContext(injectTraceHeaders({}, produced()), ROOT_CONTEXT);
    expect(trace.getSpanContext(ctx)).toEqual({ ...spanContext, isRemote: true });
    expect(propagation.getBaggage(ctx)?.getEntry('tenant.id')?.value).toBe('acme');
  });

  it('round-trips through Buffer and array header values, as kafkajs delivers them', () => {
    const written = injectTraceHeaders({}, produced());
    const delivered = {
      traceparent: Buffer.from(String(written['traceparent'])),
      baggage: [Buffer.from(String(written['baggage'])), Buffer.from('ignored=1')],
      other: undefined,
    };
    const ctx = extractTraceContext(delivered, ROOT_CONTEXT);
    expect(trace.getSpanContext(ctx)?.traceId).toBe(spanContext.traceId);
    expect(trace.getSpanContext(ctx)?.spanId).toBe(spanContext.spanId);
    expect(propagation.getBaggage(ctx)?.getEntry('tenant.id')?.value).toBe('acme');
  });

  it('reads a capitalised Traceparent header from producers in other languages', () => {
    const ctx = extractTraceContext(
      { Traceparent: `00-${spanContext.traceId}-${spanContext.spanId}-01` },
      ROOT_CONTEXT,
    );
    expect(trace.getSpanContext(ctx)?.traceId).toBe(spanContext.traceId);
  });

  it('writes nothing without an active span and extracts no span from empty or malformed headers', () => {
    expect(injectTraceHeaders({}, ROOT_CONTEXT)).toEqual({});
    expect(trace.getSpanContext(extractTraceContext({}, ROOT_CONTEXT))).toBeUndefined();
    expect(
      trace.getSpanContext(extractTraceContext({ traceparent: 'garbage' }, ROOT_CONTEXT)),
    ).toBeUndefined();
  });
});
