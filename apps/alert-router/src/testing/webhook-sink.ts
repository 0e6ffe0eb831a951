import { type IncomingMessage, type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { WebhookMessage } from '../receivers';

/** One request a receiver made. */
export interface SinkRequest {
  readonly path: string;
  readonly body: unknown;
  /** `performance.now()` when the request arrived. */
  readonly arrivedMs: number;
}

/**
 * An HTTP server on loopback standing in for the far end of webhook and PagerDuty integrations:
 * it records every request and answers with the status set for its path (200 by default).
 *
 * @example
 * const sink = await startWebhookSink(); // webhook_configs: [{ url: `${sink.url}/ops` }]
 */
export interface WebhookSink {
  readonly url: string;
  readonly requests: SinkRequest[];
  /** The webhook messages posted to `path`, in arrival order. */
  messages(path: string): WebhookMessage[];
  respondWith(path: string, status: number): void;
  /** Told about each request as it arrives. */
  onRequest?: (request: SinkRequest) => void;
  close(): Promise<void>;
}

export async function startWebhookSink(): Promise<WebhookSink> {
  const statuses = new Map<string, number>();
  const requests: SinkRequest[] = [];
  const sink: WebhookSink = {
    url: '',
    requests,
    messages: (path) => requests.filter((r) => r.path === path).map((r) => r.body as WebhookMessage),
    respondWith: (path, status) => statuses.set(path, status),
    close: () => new Promise((done) => server.close(() => done())),
  };
  const server: Server = createServer((req: IncomingMessage, res) => {
    const arrivedMs = performance.now();
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const request = {
        path: req.url ?? '/',
        body: text ? (JSON.parse(text) as unknown) : undefined,
        arrivedMs,
      };
      requests.push(request);
      sink.onRequest?.(request);
      res.writeHead(statuses.get(request.path) ?? 200, { 'content-type': 'application/json' });
      res.end('{}');
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return Object.assign(sink, { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
}
