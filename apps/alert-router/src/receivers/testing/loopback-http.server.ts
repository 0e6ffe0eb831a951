import { type IncomingHttpHeaders, type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request a loopback server received. */
export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** The raw body text, byte for byte as sent. */
  body: string;
}

/** What a loopback handler answers. */
export interface LoopbackReply {
  status: number;
  headers?: Record<string, string>;
  /** A string is sent as text/plain, anything else as JSON. */
  body?: unknown;
}

/** A real HTTP server on 127.0.0.1 answering through `handler` and recording every request. */
export interface LoopbackServer {
  url: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

/** Starts a loopback HTTP server on a free port. */
export async function startLoopbackServer(
  handler: (request: RecordedRequest) => LoopbackReply | Promise<LoopbackReply>,
): Promise<LoopbackServer> {
  const requests: RecordedRequest[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request = {
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(request);
      void Promise.resolve(handler(request)).then((reply) => {
        const text = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body ?? '');
        const contentType = typeof reply.body === 'string' ? 'text/plain; charset=utf-8' : 'application/json';
        res.writeHead(reply.status, { 'content-type': contentType, ...reply.headers });
        res.end(reply.body === undefined ? '' : text);
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Replies taken in order from `script`, the last one repeating. */
export function scriptedReplies<T>(script: readonly T[]): () => T {
  let next = 0;
  return () => script[Math.min(next++, script.length - 1)]!;
}
