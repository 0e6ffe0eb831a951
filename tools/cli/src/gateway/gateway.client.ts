import type { z } from 'zod';
import { CliError } from '../cli.exception';
import { type GatewayEndpoint, endpoints, pathOf } from './gateway-endpoints';
import { errorOfResponse } from './gateway-error.util';
import {
  type ApiKeyList,
  type ChainStatus,
  type ContractList,
  type CreatedApiKey,
  type DeadLetters,
  type HealthBoard,
  type PauseResult,
  type RoleChange,
  type RoleCheck,
  apiKeyListSchema,
  chainStatusSchema,
  contractListSchema,
  createdApiKeySchema,
  deadLettersSchema,
  healthBoardSchema,
  pauseResultSchema,
  reindexAcceptedSchema,
  replayResultSchema,
  roleChangeSchema,
  roleCheckSchema,
  weeklyReportJsonSchema,
} from './gateway-responses.schema';

/** Which dead letters to put back: all of a topic, or chosen offsets of one partition. */
export type ReplaySelection = { all: true } | { partition: number; offsets: string[] };

/** Where the gateway is, the API key to send, and how long one request may take. */
export interface GatewayClientOptions {
  baseUrl: string;
  apiKey?: string;
  timeoutMs: number;
}

interface CallOptions {
  params?: Record<string, string>;
  query?: Record<string, string | undefined>;
  body?: unknown;
  /** Statuses besides 2xx whose body is still the answer (the health board's 503). */
  acceptStatus?: number[];
}

/**
 * The gateway's operator API as typed methods. Every answer is parsed with its zod schema
 * (gateway-responses.schema.ts); failures become CliErrors that name the route, the role it needs
 * and the gateway's problem detail. The API key travels as `x-api-key`.
 */
export class GatewayClient {
  constructor(private readonly options: GatewayClientOptions) {}

  health(): Promise<HealthBoard> {
    return this.call(endpoints.health, healthBoardSchema, { acceptStatus: [503] });
  }

  contracts(): Promise<ContractList> {
    return this.call(endpoints.contracts, contractListSchema, {});
  }

  setPaused(paused: boolean, contract: string): Promise<PauseResult> {
    return this.call(paused ? endpoints.pause : endpoints.unpause, pauseResultSchema, { body: { contract } });
  }

  changeRole(change: 'grant' | 'revoke', input: RoleInput): Promise<RoleChange> {
    const endpoint = change === 'grant' ? endpoints.grantRole : endpoints.revokeRole;
    return this.call(endpoint, roleChangeSchema, { body: input });
  }

  checkRole(input: RoleInput): Promise<RoleCheck> {
    return this.call(endpoints.checkRole, roleCheckSchema, { query: { ...input } });
  }

  chainStatus(chainId: number): Promise<ChainStatus> {
    return this.call(endpoints.chainStatus, chainStatusSchema, { params: { chainId: String(chainId) } });
  }

  /** Starts a re-index; answers the head the gateway recorded as its target, when it did. */
  async reindex(chainId: number, fromBlock: bigint): Promise<bigint | null> {
    const answer = await this.call(endpoints.reindex, reindexAcceptedSchema, {
      body: { chainId, fromBlock: fromBlock.toString() },
    });
    return answer.reindex?.targetBlock ?? null;
  }

  deadLetters(topic: string, limit: number): Promise<DeadLetters> {
    return this.call(endpoints.deadLetters, deadLettersSchema, {
      params: { topic },
      query: { limit: String(limit) },
    });
  }

  async replayDeadLetters(topic: string, selection: ReplaySelection): Promise<number> {
    const answer = await this.call(endpoints.replayDeadLetters, replayResultSchema, {
      params: { topic },
      body: selection,
    });
    return answer.replayed;
  }

  createKey(input: { name: string; role: string; scopes: string[] }): Promise<CreatedApiKey> {
    return this.call(endpoints.createKey, createdApiKeySchema, { body: input });
  }

  listKeys(): Promise<ApiKeyList> {
    return this.call(endpoints.listKeys, apiKeyListSchema, {});
  }

  async revokeKey(id: string): Promise<void> {
    await this.send(endpoints.revokeKey, { params: { id } });
  }

  /** The weekly report: a JSON object, or the Markdown text as the gateway rendered it. */
  async weeklyReport(format: 'json' | 'markdown', end?: string): Promise<Record<string, unknown> | string> {
    const query = { format, end };
    if (format === 'json') return this.call(endpoints.weeklyReport, weeklyReportJsonSchema, { query });
    const { body } = await this.send(endpoints.weeklyReport, { query });
    if (typeof body !== 'string') {
      throw new CliError(
        'unexpected-response',
        `${routeOf(endpoints.weeklyReport)} answered JSON, not Markdown`,
      );
    }
    return body;
  }

  private async call<S extends z.ZodTypeAny>(
    endpoint: GatewayEndpoint,
    schema: S,
    options: CallOptions,
  ): Promise<z.output<S>> {
    const { body } = await this.send(endpoint, options);
    const parsed = schema.safeParse(body);
    if (parsed.success) return parsed.data as z.output<S>;
    const issues = parsed.error.issues
      .slice(0, 5)
      .map((i) => `  - ${i.path.join('.') || '(answer)'}: ${i.message}`)
      .join('\n');
    throw new CliError(
      'unexpected-response',
      `${routeOf(endpoint)} answered in a shape this CLI does not know (gateway and CLI versions differ?):\n${issues}`,
    );
  }

  /** One HTTP exchange: the parsed body (JSON when the gateway says so, text otherwise) of a 2xx. */
  private async send(
    endpoint: GatewayEndpoint,
    options: CallOptions,
  ): Promise<{ status: number; body: unknown }> {
    if (endpoint.role !== 'public' && !this.options.apiKey) {
      throw new CliError(
        'config',
        `${routeOf(endpoint)} needs an API key with role ${endpoint.role}: set CONVERGENCE_API_KEY or pass --api-key`,
      );
    }
    const url = new URL(pathOf(endpoint, options.params), this.options.baseUrl);
    for (const [name, value] of Object.entries(options.query ?? {})) {
      if (value !== undefined) url.searchParams.set(name, value);
    }
    const headers: Record<string, string> = { accept: 'application/json, text/markdown;q=0.9, */*;q=0.1' };
    if (this.options.apiKey) headers['x-api-key'] = this.options.apiKey;
    if (options.body !== undefined) headers['content-type'] = 'application/json';

    let response: Response;
    try {
      response = await fetch(url, {
        method: endpoint.method,
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
    } catch (error) {
      throw new CliError(
        'unreachable',
        `gateway ${this.options.baseUrl} is unreachable: ${reasonOf(error)}`,
        {
          cause: error,
        },
      );
    }
    const text = await response.text();
    const isJson = /json/i.test(response.headers.get('content-type') ?? '');
    let body: unknown = text;
    if (isJson && text !== '') {
      try {
        body = JSON.parse(text);
      } catch {
        body = text;
      }
    }
    if (response.ok || options.acceptStatus?.includes(response.status))
      return { status: response.status, body };
    throw errorOfResponse(endpoint, response.status, body);
  }
}

/** The parties of a role check or change on one contract. */
export interface RoleInput {
  contract: string;
  role: string;
  account: string;
}

function routeOf(endpoint: GatewayEndpoint): string {
  return `${endpoint.method} ${endpoint.path}`;
}

/** The useful part of a fetch failure: undici hides ECONNREFUSED / ENOTFOUND in `cause`. */
function reasonOf(error: unknown): string {
  if (error instanceof Error && error.name === 'TimeoutError') return 'no answer within the timeout';
  const cause =
    error instanceof Error ? (error.cause as { code?: string; message?: string } | undefined) : undefined;
  if (cause?.code) return cause.code;
  if (cause?.message) return cause.message;
  return error instanceof Error ? error.message : String(error);
}
