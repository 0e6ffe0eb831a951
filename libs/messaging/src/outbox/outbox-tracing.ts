import { extractTraceContext, injectTraceHeaders } from '@convergence/telemetry';
import { ROOT_CONTEXT, type Span, SpanKind, context, trace } from '@opentelemetry/api';
import { suppressTracing } from '@opentelemetry/core';
import type { Message } from 'kafkajs';
import type { OutboxRow } from './outbox.store';

const tracer = trace.getTracer('@convergence/messaging');

/** The messages of one outbox batch and the PRODUCER span opened for each, in row order. */
export interface TracedBatch {
  byTopic: Map<string, Message[]>;
  spans: Span[];
}

/**
 * Opens one PRODUCER span per row as a child of the trace context its writer stored with it, and writes
 * that span's traceparent into the message: a consumer then continues the request that wrote the row,
 * not the relay's poll loop. (kafkajs instrumentation would parent every message under its own root
 * "transaction" span instead, so the relay sends with instrumentation suppressed; see sendUntraced.)
 */
export function traceBatch(rows: OutboxRow[]): TracedBatch {
  const byTopic = new Map<string, Message[]>();
  const spans: Span[] = [];
  for (const row of rows) {
    const span = tracer.startSpan(
      `send ${row.topic}`,
      {
        kind: SpanKind.PRODUCER,
        attributes: {
          'messaging.system': 'kafka',
          'messaging.operation.type': 'send',
          'messaging.operation.name': 'send',
          'messaging.destination.name': row.topic,
          'messaging.kafka.message.key': row.key,
          'messaging.message.id': String(row.envelope['id'] ?? ''),
          'convergence.outbox.batch': row.batchNo,
        },
      },
      extractTraceContext(row.headers, ROOT_CONTEXT),
    );
    spans.push(span);
    const headers = injectTraceHeaders({ ...row.headers }, trace.setSpan(ROOT_CONTEXT, span));
    const messages = byTopic.get(row.topic) ?? [];
    messages.push({ key: row.key, value: JSON.stringify(row.envelope), headers });
    byTopic.set(row.topic, messages);
  }
  return { byTopic, spans };
}

/** Runs `fn` with tracing suppressed, so instrumented clients neither open spans nor rewrite traceparent. */
export function sendUntraced<T>(fn: () => Promise<T>): Promise<T> {
  return context.with(suppressTracing(context.active()), fn);
}
