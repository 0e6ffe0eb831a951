import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the fake received, as sent on the wire. */
export interface RecordedRequest {
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: {
    model: string;
    max_tokens: number;
    system?: string;
    messages: Array<{ role: string; content: string }>;
    tools?: Array<{ name: string; input_schema: unknown }>;
    tool_choice?: { type: string; name?: string };
  };
  receivedAt: number;
}

/**
 * A scripted answer for the next request that forces the named tool (consumed in order; the default
 * responder answers otherwise). Scripts are per tool because the oracle under test also asks for
 * interpretations whenever another suite on the shared broker publishes unlock.achieved.v1.
 */
export type ScriptedReply =
  | { kind: 'error'; status: 429 | 500 | 529 | 400; retryAfterSeconds?: number }
  | { kind: 'tool'; input: unknown }
  | { kind: 'text'; text: string }
  /** Answers only once `release` resolves (tests that kill the oracle mid-call). */
  | { kind: 'hold'; release: Promise<void> };

export interface FakeMessagesApiOptions {
  /** Delay before every answer (the bench uses 1.2 s). */
  latencyMs?: number;
  model?: string;
}

const ERROR_TYPES = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  404: 'not_found_error',
  429: 'rate_limit_error',
  500: 'api_error',
  529: 'overloaded_error',
} as const;

const ERROR_MESSAGES = {
  400: 'messages: field required',
  401: 'invalid x-api-key',
  404: 'Not found',
  429: 'Number of request tokens has exceeded your per-minute rate limit',
  500: 'Internal server error',
  529: 'Overloaded',
} as const;

/**
 * A Messages API stand-in on loopback that the real @anthropic-ai/sdk talks to (`baseURL`): it answers
 * `POST /v1/messages` with the API's JSON — `tool_use` content blocks, `usage`, `request-id` — and its
 * error bodies (429 rate_limit_error with retry-after, 529 overloaded_error, 500 api_error). By default it
 * scores sentiment opinions with a small keyword rule and writes interpretations; tests script replies,
 * switch it to an outage, or read what it received.
 */
export class FakeMessagesApi {
  readonly requests: RecordedRequest[] = [];
  private readonly scripts = new Map<string, ScriptedReply[]>();
  private server?: Server;
  private outage = false;
  url = '';

  constructor(private readonly options: FakeMessagesApiOptions = {}) {}

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** Queues replies for the next requests that force `tool` (e.g. `record_sentiment`), in order. */
  enqueue(tool: string, ...replies: ScriptedReply[]): void {
    this.scripts.set(tool, [...(this.scripts.get(tool) ?? []), ...replies]);
  }

  /** The requests received so far that forced `tool`, oldest first. */
  requestsFor(tool: string): RecordedRequest[] {
    return this.requests.filter((r) => toolOf(r.body) === tool);
  }

  /** While on, every request gets 500 api_error (after the SDK's retries: an outage). */
  setOutage(on: boolean): void {
    this.outage = on;
  }

  /** Successful (200) answers given so far. */
  get answered(): number {
    return this.answeredCount;
  }

  private answeredCount = 0;

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (req.method !== 'POST' || req.url !== '/v1/messages') {
      return this.sendError(res, 404);
    }
    if (!req.headers['x-api-key'] && !req.headers['authorization']) return this.sendError(res, 401);
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as RecordedRequest['body'];
    this.requests.push({ path: req.url, headers: req.headers, body, receivedAt: Date.now() });
    if (this.options.latencyMs) await new Promise((r) => setTimeout(r, this.options.latencyMs));
    const reply = this.scripts.get(toolOf(body))?.shift();
    if (reply?.kind === 'hold') {
      await reply.release;
      return this.sendTool(res, body, this.defaultToolInput(body));
    }
    if (reply?.kind === 'error') return this.sendError(res, reply.status, reply.retryAfterSeconds);
    if (this.outage) return this.sendError(res, 500);
    if (reply?.kind === 'text')
      return this.sendMessage(res, body, [{ type: 'text', text: reply.text }], 'end_turn');
    return this.sendTool(res, body, reply?.kind === 'tool' ? reply.input : this.defaultToolInput(body));
  }

  private sendTool(res: ServerResponse, body: RecordedRequest['body'], input: unknown): void {
    const name = toolOf(body);
    const block = {
      type: 'tool_use',
      id: `toolu_01${randomBytes(11).toString('hex')}`,
      name,
      input,
      caller: { type: 'direct' },
    };
    this.sendMessage(res, body, [block], 'tool_use');
  }

  private sendMessage(
    res: ServerResponse,
    body: RecordedRequest['body'],
    content: unknown[],
    stopReason: string,
  ): void {
    this.answeredCount++;
    const promptChars =
      JSON.stringify(body.messages).length +
      (body.system?.length ?? 0) +
      JSON.stringify(body.tools ?? []).length;
    const payload = {
      id: `msg_01${randomBytes(11).toString('hex')}`,
      type: 'message',
      role: 'assistant',
      model: this.options.model ?? body.model,
      content,
      stop_reason: stopReason,
      stop_sequence: null,
      stop_details: null,
      container: null,
      diagnostics: null,
      usage: {
        input_tokens: Math.ceil(promptChars / 4),
        output_tokens: Math.ceil(JSON.stringify(content).length / 4),
        cache_creation_input_tokens: 0,
        cache_read_input_tokens: 0,
        cache_creation: null,
        server_tool_use: null,
        service_tier: 'standard',
        inference_geo: null,
        output_tokens_details: null,
        speed: null,
      },
    };
    res.writeHead(200, {
      'content-type': 'application/json',
      'request-id': `req_01${randomBytes(11).toString('hex')}`,
    });
    res.end(JSON.stringify(payload));
  }

  private sendError(res: ServerResponse, status: keyof typeof ERROR_TYPES, retryAfterSeconds?: number): void {
    const [type, message] = [ERROR_TYPES[status], ERROR_MESSAGES[status]];
    const requestId = `req_01${randomBytes(11).toString('hex')}`;
    const headers: Record<string, string> = { 'content-type': 'application/json', 'request-id': requestId };
    if (retryAfterSeconds !== undefined) headers['retry-after'] = String(retryAfterSeconds);
    if (status === 529) headers['x-should-retry'] = 'true';
    res.writeHead(status, headers);
    res.end(JSON.stringify({ type: 'error', error: { type, message }, request_id: requestId }));
  }

  /** What a sensible model would answer: per-opinion scores from yes/no words, or a narrative. */
  private defaultToolInput(body: RecordedRequest['body']): unknown {
    const name = toolOf(body);
    const user = body.messages[0]?.content ?? '';
    if (name === 'record_sentiment') {
      const prompt = JSON.parse(user.split('\n\nYour previous')[0]!) as {
        opinions: Array<{ index: number; text: string }>;
      };
      const opinions = prompt.opinions.map(({ index, text }) => {
        const t = text.toLowerCase();
        const yes = /\b(yes|will|bullish|above|up)\b/.test(t);
        const no = /\b(no|not|won't|bearish|below|down)\b/.test(t);
        return { index, score: yes && !no ? 80 : no && !yes ? 20 : 50 };
      });
      return {
        opinions,
        confidence: opinions.length >= 3 ? 1.5 : 0.8,
        summary: `Stakers are split across ${opinions.length} opinions; the larger stakes decide the lean.`,
      };
    }
    return {
      text: 'You crossed a threshold few reach: this unlock marks the conviction you have shown on chain.',
    };
  }
}

/** The tool a request forces (tool_choice), else its first tool. */
function toolOf(body: RecordedRequest['body']): string {
  return body.tool_choice?.name ?? body.tools?.[0]?.name ?? 'tool';
}
