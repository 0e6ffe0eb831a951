import {
  context as otelContext,
  type Context,
  type TextMapGetter,
  type TextMapSetter,
} from '@opentelemetry/api';
import { w3cPropagator } from './w3c.propagator';

/** Outgoing Kafka headers as libs/messaging builds them before `producer.send`. */
export type OutgoingKafkaHeaders = Record<string, string | Buffer | undefined>;

/** Incoming Kafka headers, shaped like kafkajs `IHeaders` (values may be Buffers, strings or arrays). */
export interface IncomingKafkaHeaders {
  [key: string]: Buffer | string | (Buffer | string)[] | undefined;
}

/** The headers injectTraceHeaders may add (W3C names, lowercase); a type alias so it fits IncomingKafkaHeaders. */
export type TraceHeaders = {
  traceparent?: string;
  tracestate?: string;
  baggage?: string;
};

const setter: TextMapSetter<OutgoingKafkaHeaders> = {
  set: (carrier, key, value) => {
    carrier[key] = value;
  },
};

const getter: TextMapGetter<IncomingKafkaHeaders> = {
  keys: (carrier) => Object.keys(carrier),
  get: (carrier, key) => {
    const raw = carrier[key] ?? carrier[findKeyIgnoringCase(carrier, key)];
    if (raw === undefined) return undefined;
    const first = Array.isArray(raw) ? raw[0] : raw;
    return first === undefined ? undefined : first.toString();
  },
};

/**
 * Writes W3C `traceparent` / `tracestate` / `baggage` headers for `ctx` into `headers` (mutated and
 * returned). Uses the W3C propagators directly, so it works in unit tests without startTelemetry.
 *
 * @example
 * const headers = injectTraceHeaders({ 'content-type': 'application/json' });
 * await producer.send({ topic, messages: [{ key, value, headers }] });
 */
export function injectTraceHeaders<H extends OutgoingKafkaHeaders>(
  headers: H,
  ctx: Context = otelContext.active(),
): H & TraceHeaders {
  w3cPropagator.inject(ctx, headers, setter);
  return headers as H & TraceHeaders;
}

/**
 * Reads the trace context a producer wrote with injectTraceHeaders (or any W3C-speaking producer)
 * from kafkajs message headers; returns a context to run the handler in.
 *
 * @example
 * const parent = extractTraceContext(message.headers ?? {});
 * await context.with(parent, () => tracer.startActiveSpan(`${topic} process`, (span) => handle(span)));
 */
export function extractTraceContext(
  headers: IncomingKafkaHeaders,
  base: Context = otelContext.active(),
): Context {
  return w3cPropagator.extract(base, headers, getter);
}

// Producers in other languages may capitalise header names; Kafka header keys are case-sensitive.
function findKeyIgnoringCase(carrier: IncomingKafkaHeaders, key: string): string {
  return Object.keys(carrier).find((k) => k.toLowerCase() === key) ?? key;
}
