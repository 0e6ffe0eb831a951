import {
  Agent as HttpAgent,
  type IncomingMessage,
  type RequestOptions,
  request as httpRequest,
} from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { JsonBody } from './json-body.util';
import type { AttemptOutcome } from './retry-policy.util';
import { outcomeOfHttpStatus } from './retry-policy.util';
import { WarmSockets } from './warm-sockets.util';

/** Sent with every HTTP notification, so receivers' logs show where a request came from. */
export const RECEIVER_USER_AGENT = 'convergence-alert-router';

// More than enough for the error message (outcomeOfHttpStatus keeps 300 characters).
const MAX_RESPONSE_BODY_BYTES = 64 * 1024;

// Idle connections are kept this long (or less if the server's Keep-Alive header says so), as
// fetch's default dispatcher did: long enough for a burst of flushes, short enough that a server
// closing idle connections silently rarely resets one being reused.
const IDLE_SOCKET_TIMEOUT_MS = 4_000;
// Connections per receiver host (more requests wait for a free one). Without a bound, a burst of
// hundreds of groups flushing at once to one host opened as many connections — each connect and
// close costing more CPU than the request — and Node's default of 256 free sockets closed the rest
// after their first request. Fewer (32) saved little more CPU but queued later requests behind
// earlier answers; with 128 a 500-group burst goes out in four rounds on reused connections.
const MAX_SOCKETS_PER_HOST = 128;
const agentOptions = {
  keepAlive: true,
  timeout: IDLE_SOCKET_TIMEOUT_MS,
  scheduling: 'lifo',
  maxSockets: MAX_SOCKETS_PER_HOST,
  maxFreeSockets: MAX_SOCKETS_PER_HOST,
} as const;
const httpAgent = new HttpAgent(agentOptions);
const httpsAgent = new HttpsAgent(agentOptions);
// Connections to plain-HTTP receivers opened ahead of prepared notifications (see `preconnect`).
const warmHttp = new WarmSockets(httpAgent, {
  maxSocketsPerHost: MAX_SOCKETS_PER_HOST,
  idleTimeoutMs: IDLE_SOCKET_TIMEOUT_MS,
});

/**
 * Opens a connection to the receiver at `url` for a request expected within `ttlMs` (closed if none
 * comes), unless enough are open: a burst of notifications prepared ahead of their flush moment then
 * starts on connections already made. Only plain HTTP; an HTTPS receiver's connection (and TLS
 * handshake) is still made at the send.
 *
 * @example
 * preconnect(config.url, dueAtMs - Date.now() + 2_000);
 */
export function preconnect(url: string, ttlMs: number): void {
  let target: Target;
  try {
    target = targetOf(url);
  } catch {
    return; // the send reports the bad URL
  }
  if (target.https) return;
  warmHttp.open({ host: target.options.hostname, port: target.options.port || 80 }, ttlMs);
}

/**
 * POSTs `body` as JSON (a `JsonBody` is sent as already serialised) and classifies the response (retry-policy.util.ts). Network failures throw;
 * the retry loop counts them as retryable.
 *
 * Node's `http`/`https` with keep-alive agents rather than `fetch`: a notification is one small
 * POST, and fetch's Request/Response and web streams cost several times the CPU per request — the
 * difference between hundreds of groups flushing at the same moment reaching their receivers within
 * milliseconds or within a second. Redirects are not followed (a 3xx counts as a permanent failure:
 * webhooks are configured with their final URL). Network errors keep fetch's shape,
 * `fetch failed` with the socket error as cause, so audit rows read the same as before.
 */
export function postJson(
  url: string,
  body: unknown,
  signal: AbortSignal,
  nowMs: () => number = Date.now,
): Promise<AttemptOutcome & { responseBody: string }> {
  return new Promise((resolve, reject) => {
    let target: Target;
    try {
      target = targetOf(url);
    } catch (error) {
      return reject(new TypeError('fetch failed', { cause: error }));
    }
    if (signal.aborted) return reject(signal.reason);
    // A string body goes out in one write together with the headers (a Buffer takes a writev of
    // both, after a copy into the Buffer).
    const payload = body instanceof JsonBody ? body : new JsonBody(body);
    const request = (target.https ? httpsRequest : httpRequest)({
      ...target.options,
      method: 'POST',
      agent: target.https ? httpsAgent : httpAgent,
      headers: {
        'content-type': 'application/json',
        'content-length': payload.bytes,
        'user-agent': RECEIVER_USER_AGENT,
      },
    });
    const onAbort = (): void => {
      request.destroy(signal.reason instanceof Error ? signal.reason : new Error(String(signal.reason)));
    };
    signal.addEventListener('abort', onAbort, { once: true });
    const settle = (): void => signal.removeEventListener('abort', onAbort);
    request.on('error', (error) => {
      settle();
      reject(signal.aborted ? signal.reason : new TypeError('fetch failed', { cause: error }));
    });
    request.on('response', (response: IncomingMessage) => {
      readBody(response).then(
        (responseBody) => {
          settle();
          const retryAfter = response.headers['retry-after'];
          const outcome = outcomeOfHttpStatus(
            response.statusCode ?? 0,
            typeof retryAfter === 'string' ? retryAfter : null,
            responseBody,
            nowMs(),
          );
          resolve({ ...outcome, responseBody });
        },
        (error: unknown) => {
          settle();
          reject(signal.aborted ? signal.reason : new TypeError('fetch failed', { cause: error }));
        },
      );
    });
    request.end(payload.text);
  });
}

/** Where a URL points, as `http.request` options. */
interface Target {
  readonly https: boolean;
  readonly options: Readonly<Pick<RequestOptions, 'protocol' | 'hostname' | 'port' | 'path' | 'auth'>>;
}

// Receivers' URLs come from the config, so few distinct ones are seen; parsing each once saves a
// URL parse per notification. Bounded in case templated URLs keep changing.
const targets = new Map<string, Target>();
const MAX_TARGETS = 1_000;

function targetOf(url: string): Target {
  let target = targets.get(url);
  if (target) return target;
  const parsed = new URL(url);
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new Error(`unsupported URL scheme ${parsed.protocol}`);
  }
  target = {
    https: parsed.protocol === 'https:',
    options: {
      protocol: parsed.protocol,
      // Brackets of an IPv6 literal are URL syntax, not part of the host name.
      hostname: parsed.hostname.replace(/^\[(.*)\]$/, '$1'),
      port: parsed.port,
      path: `${parsed.pathname}${parsed.search}`,
      ...(parsed.username || parsed.password
        ? { auth: `${decodeURIComponent(parsed.username)}:${decodeURIComponent(parsed.password)}` }
        : {}),
    },
  };
  if (targets.size >= MAX_TARGETS) targets.clear();
  targets.set(url, target);
  return target;
}

/** The response body as text, at most MAX_RESPONSE_BODY_BYTES of it (the rest is read and dropped). */
function readBody(response: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    response.on('data', (chunk: Buffer) => {
      if (size >= MAX_RESPONSE_BODY_BYTES) return;
      chunks.push(chunk);
      size += chunk.length;
    });
    response.on('end', () =>
      resolve(Buffer.concat(chunks).subarray(0, MAX_RESPONSE_BODY_BYTES).toString('utf8')),
    );
    response.on('error', reject);
  });
}
