import { HttpException, HttpStatus, Inject, Injectable } from '@nestjs/common';
import { SpanKind, SpanStatusCode, context, propagation, trace } from '@opentelemetry/api';
import { GATEWAY_ENV, type GatewayEnv } from '../config/gateway-config';
import { GatewayMetrics } from '../metrics/gateway.metrics';
import type { HttpMethod, UpstreamName } from '../routes/route.model';
import { problemFromUpstream } from './upstream-problem.util';

/** What an owning service answered. */
export interface UpstreamResponse {
  status: number;
  contentType: string;
  body: Buffer;
}

const tracer = trace.getTracer('api-gateway.upstream');

/**
 * The one way the gateway calls the services behind it. Node's fetch (undici) is not patched by
 * the http instrumentation, so each call gets its own CLIENT span and the W3C `traceparent` is
 * injected here: the owner's spans join the gateway's trace.
 */
@Injectable()
export class UpstreamClient {
  private readonly bases: Record<UpstreamName, string>;

  constructor(
    @Inject(GATEWAY_ENV) private readonly env: GatewayEnv,
    private readonly metrics: GatewayMetrics,
  ) {
    this.bases = {
      'chain-indexer': env.UPSTREAM_CHAIN_INDEXER_URL,
      'unlock-engine': env.UPSTREAM_UNLOCK_ENGINE_URL,
      oracle: env.UPSTREAM_ORACLE_URL,
      'alert-router': env.UPSTREAM_ALERT_ROUTER_URL,
    };
  }

  baseOf(service: UpstreamName): string {
    return this.bases[service];
  }

  /** Sends a request; answers whatever status the owner gave, or a 502/504 problem when none came. */
  async request(
    service: UpstreamName,
    method: HttpMethod,
    path: string,
    options: { body?: unknown; timeoutMs?: number; headers?: Record<string, string> } = {},
  ): Promise<UpstreamResponse> {
    const url = new URL(path, this.bases[service]);
    const span = tracer.startSpan(`${method} ${service}`, {
      kind: SpanKind.CLIENT,
      attributes: { 'http.request.method': method, 'url.full': url.toString(), 'peer.service': service },
    });
    const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    propagation.inject(trace.setSpan(context.active(), span), headers);
    const stop = this.metrics.upstreamSeconds.startTimer({ service });
    try {
      const response = await fetch(url, {
        method,
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        signal: AbortSignal.timeout(options.timeoutMs ?? this.env.UPSTREAM_TIMEOUT_MS),
      });
      const body = Buffer.from(await response.arrayBuffer());
      span.setAttribute('http.response.status_code', response.status);
      if (response.status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      stop({ status: String(response.status) });
      return { status: response.status, contentType: response.headers.get('content-type') ?? '', body };
    } catch (error) {
      stop({ status: 'error' });
      span.recordException(error as Error);
      span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
      const timedOut = (error as Error).name === 'TimeoutError';
      throw new HttpException(
        {
          title: timedOut ? 'gateway timeout' : 'bad gateway',
          detail: timedOut
            ? `${service} did not answer within ${options.timeoutMs ?? this.env.UPSTREAM_TIMEOUT_MS} ms`
            : `${service} is unreachable`,
        },
        timedOut ? HttpStatus.GATEWAY_TIMEOUT : HttpStatus.BAD_GATEWAY,
        { cause: error },
      );
    } finally {
      span.end();
    }
  }

  /** JSON of a successful answer, or the owner's error as a problem (HttpException). */
  async json<T>(
    service: UpstreamName,
    method: HttpMethod,
    path: string,
    options: { body?: unknown; timeoutMs?: number } = {},
  ): Promise<T> {
    const response = await this.request(service, method, path, options);
    if (response.status >= 400) throw problemFromUpstream(service, response);
    return JSON.parse(response.body.toString('utf8')) as T;
  }
}
