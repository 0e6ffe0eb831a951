import { once } from 'node:events';
import { type IncomingHttpHeaders, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StubRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface StubAnswer {
  status: number;
  body?: unknown;
  /** Sent as it is instead of `body` as JSON (e.g. Prometheus text). */
  text?: string;
  contentType?: string;
}

/** A downstream service on loopback for gateway tests: records requests, answers as told. */
export interface UpstreamStub {
  url: string;
  requests: StubRequest[];
  answer(handler: (request: StubRequest) => StubAnswer): void;
  close(): Promise<void>;
}

/** Starts a stub answering `200 {"ok":true,...}` (and 200 on /ready) until told otherwise. */
export async function startUpstreamStub(name: string): Promise<UpstreamStub> {
  const requests: StubRequest[] = [];
  let handler = (request: StubRequest): StubAnswer => ({
    status: 200,
    body: { ok: true, service: name, path: request.url },
  });
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const request = {
        method: req.method ?? 'GET',
        url: req.url ?? '/',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(request);
      const answer = handler(request);
      const type = answer.contentType ?? (answer.text === undefined ? 'application/json' : 'text/plain');
      res.writeHead(answer.status, { 'content-type': type });
      res.end(answer.text ?? (answer.body === undefined ? undefined : JSON.stringify(answer.body)));
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    answer: (next) => (handler = next),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
