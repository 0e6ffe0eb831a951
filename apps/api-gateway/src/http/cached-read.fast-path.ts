import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { HttpMetrics } from '@convergence/telemetry';
import { AnswerCacheService } from '../cache/answer-cache.service';
import { GATEWAY_ENV, type GatewayEnv } from '../config/gateway-config';
import { GatewayMetrics } from '../metrics/gateway.metrics';
import { denialOf } from '../identity/access/authorize.util';
import { type Principal, keyPrincipal, rateIdentityOf, walletPrincipal } from '../identity/access/principal';
import { ApiKeyService } from '../identity/api-keys/api-key.service';
import { AccessTokenService } from '../identity/tokens/access-token.service';
import { corsHeadersOf } from '../protection/cors.middleware';
import { rateLimitHeaders } from '../protection/rate-limit-counters';
import { RateLimiterService } from '../protection/rate-limiter.service';
import { securityHeaders } from '../protection/security-headers';
import { forwardedRoutes } from '../routes/route-table';
import type { UpstreamResponse } from '../upstream/upstream.client';
import { jsonContentTypeOf, weakEtagOf } from './cached-answer-headers.util';
import { CachedReadRecognizer, type CachedReadRoute, cachedReadRoutes } from './cached-read-request.util';
import { endFastPathSpan, startFastPathSpan } from './fast-path-span';
import { recordHeadersOf } from './recorded-headers.util';

/** What a cached answer is sent as, worked out once per answer. */
interface PreparedAnswer {
  body: Buffer;
  contentType: string;
  etag: string;
}

/**
 * Answers cached reads (eligibility, profile: GET with a valid `address`, a cached 200 answer, a
 * caller that is let in and within its rate limit) on the HTTP server itself, ahead of Express and
 * Nest, whose per-request cost was most of a cached read's (see README, Performance). Every check
 * is the full pipeline's own code, run without I/O: the access token (verified-token cache) or an
 * API key this instance looked up less than 10 s ago, the route's role and scope, the rate limit
 * (the same counters), the route's query schema. The answer carries the same headers (helmet's,
 * CORS, RateLimit-*, x-cache, Content-Type, ETag) and is counted in the same HTTP and cache metrics
 * (and in `api_gateway_fast_path_answers_total`), and traced by a SERVER span of its own
 * (fast-path-span.ts), since it runs ahead of the http instrumentation. Whatever the
 * fast path cannot answer alone — a miss, a refusal, an error, an unknown key — it hands on
 * untouched to the full pipeline, which decides, logs and answers as before.
 */
@Injectable()
export class CachedReadFastPath implements OnApplicationBootstrap {
  private readonly logger = new Logger(CachedReadFastPath.name);
  private readonly security = recordHeadersOf(securityHeaders);
  private readonly prepared = new WeakMap<UpstreamResponse, PreparedAnswer | null>();
  private readonly reads: CachedReadRecognizer;

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly tokens: AccessTokenService,
    private readonly keys: ApiKeyService,
    private readonly limiter: RateLimiterService,
    private readonly cache: AnswerCacheService,
    private readonly httpMetrics: HttpMetrics,
    private readonly metrics: GatewayMetrics,
    @Inject(GATEWAY_ENV) private readonly env: GatewayEnv,
  ) {
    // As many URLs as the cache holds answers: each cached answer's URL is remembered.
    this.reads = new CachedReadRecognizer(
      cachedReadRoutes(Object.values(forwardedRoutes)),
      env.CACHE_MAX_ENTRIES,
    );
  }

  /**
   * Puts the fast path in front of the server's `request` event: ahead of the http instrumentation
   * (which wraps `Server.prototype.emit`), Socket.IO and Express. What it does not answer is emitted
   * as before, instrumentation included.
   */
  onApplicationBootstrap(): void {
    if (!this.env.GATEWAY_FAST_CACHED_READS) return;
    const server = this.adapterHost.httpAdapter.getHttpServer() as Server;
    const emit = server.emit;
    const serve = (request: IncomingMessage, response: ServerResponse) => this.serve(request, response);
    server.emit = function (this: Server, event: string | symbol, ...args: unknown[]): boolean {
      if (event === 'request' && serve(args[0] as IncomingMessage, args[1] as ServerResponse)) return true;
      return Reflect.apply(emit, this, [event, ...args]) as boolean;
    } as Server['emit'];
    this.logger.log({
      msg: 'cached-read fast path on',
      routes: [...cachedReadRoutes(Object.values(forwardedRoutes)).keys()],
    });
  }

  /** Answers the request and returns true, or returns false having changed nothing. */
  serve(request: IncomingMessage, response: ServerResponse): boolean {
    const read = this.reads.readOf(request.method, request.url, request.headers);
    if (!read) return false;
    const cached = this.cache.peek(read.route.cache, read.wallet);
    const answer = cached && this.prepare(cached);
    if (!answer) return false;
    const principal = this.principalOf(request);
    if (!principal || denialOf(principal, read.route)) return false;
    const decision = this.limiter.consume(read.route, rateIdentityOf(principal));
    // Refused: the guard asks again (a refused request is not counted) and answers the 429.
    if (!decision.allowed) return false;

    this.cache.countHit(read.route.cache);
    this.metrics.fastPathAnswers.inc({ route: read.route.id });
    this.recordWhenDone(read.route, request, response);
    const headers: string[] = [];
    for (const [name, value] of this.security) headers.push(name, value);
    const cors = corsHeadersOf(this.env.CORS_ORIGINS, request.headers.origin);
    if (cors) for (const [name, value] of Object.entries(cors)) headers.push(name, value);
    for (const [name, value] of Object.entries(rateLimitHeaders(decision, decision.windowSeconds)))
      headers.push(name, value);
    headers.push(
      'x-cache',
      'hit',
      'Content-Type',
      answer.contentType,
      'Content-Length',
      String(answer.body.length),
      'ETag',
      answer.etag,
    );
    response.writeHead(200, headers);
    response.end(answer.body);
    return true;
  }

  /** The caller, when it can be told without I/O; undefined sends the request the full way. */
  private principalOf(request: IncomingMessage): Principal | undefined {
    // Express's req.ip without `trust proxy`, which the gateway does not set.
    const ip = request.socket.remoteAddress ?? 'unknown';
    const apiKey = request.headers['x-api-key'];
    if (typeof apiKey === 'string' && apiKey !== '') {
      const key = this.keys.trustedWithoutIo(apiKey);
      return key && keyPrincipal(key, ip);
    }
    const authorization = request.headers.authorization;
    if (authorization?.startsWith('Bearer ')) {
      try {
        return walletPrincipal(this.tokens.verify(authorization.slice('Bearer '.length).trim()), ip);
      } catch {
        return undefined; // the guard verifies again, logs the failure and answers 401
      }
    }
    return { kind: 'anonymous', role: 'public', ip };
  }

  private prepare(cached: UpstreamResponse): PreparedAnswer | undefined {
    let prepared = this.prepared.get(cached);
    if (prepared === undefined) {
      const contentType = cached.status === 200 ? jsonContentTypeOf(cached.contentType) : undefined;
      prepared = contentType ? { body: cached.body, contentType, etag: weakEtagOf(cached.body) } : null;
      this.prepared.set(cached, prepared);
    }
    return prepared ?? undefined;
  }

  /**
   * The request's SERVER span, and the HTTP RED metrics as libs/telemetry's middleware records them,
   * under the route's template.
   */
  private recordWhenDone(route: CachedReadRoute, request: IncomingMessage, response: ServerResponse): void {
    const started = process.hrtime.bigint();
    const span = startFastPathSpan(request, route.path);
    // A response emits 'close' once: after 'finish', or when the client went away first.
    response.on('close', () => {
      endFastPathSpan(span, response.statusCode);
      this.httpMetrics.record({
        method: request.method ?? 'GET',
        route: route.path,
        statusCode: response.statusCode,
        durationSeconds: Number(process.hrtime.bigint() - started) / 1e9,
      });
    });
  }
}
