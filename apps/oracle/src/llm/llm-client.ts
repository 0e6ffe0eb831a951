import Anthropic from '@anthropic-ai/sdk';
import type { Tool } from '@anthropic-ai/sdk/resources/messages';
import type { Logger } from 'pino';
import { InvalidToolOutputError } from './invalid-tool-output.error';

export interface LlmClientOptions {
  /** Unset: the client is not configured and every caller uses its fallback. */
  apiKey?: string;
  baseURL?: string;
  model: string;
  maxTokens: number;
  /** Per attempt. */
  timeoutMs: number;
  /** SDK retries of connection errors, 408, 409, 429 and 5xx (incl. 529), honouring retry-after. */
  maxRetries: number;
  logger: Logger;
}

export interface ToolCall {
  system: string;
  user: string;
  tool: Tool;
  signal?: AbortSignal;
}

export interface ToolCallResult {
  input: unknown;
  model: string;
  inputTokens: number;
  outputTokens: number;
}

/** Thrown with the usage of a reply that carried no usable tool call, so the ledger still counts it. */
export class ToolCallMissingError extends InvalidToolOutputError {
  constructor(
    tool: string,
    problem: string,
    readonly usage: { model: string; inputTokens: number; outputTokens: number },
  ) {
    super(tool, [problem]);
  }
}

/**
 * The one door to Claude: a Messages API call that forces a single tool, through the official SDK
 * (its retries with backoff honouring retry-after, its timeout). Tests point `baseURL` at a fake.
 */
export class LlmClient {
  private readonly anthropic?: Anthropic;

  constructor(private readonly options: LlmClientOptions) {
    if (!options.apiKey) return;
    const log = options.logger.child({ component: 'anthropic-sdk' });
    this.anthropic = new Anthropic({
      apiKey: options.apiKey,
      baseURL: options.baseURL ?? null,
      timeout: options.timeoutMs,
      maxRetries: options.maxRetries,
      logLevel: 'info',
      logger: {
        error: (message: string) => log.error(message),
        warn: (message: string) => log.warn(message),
        info: (message: string) => log.info(message),
        debug: (message: string) => log.debug(message),
      },
    });
  }

  get configured(): boolean {
    return this.anthropic !== undefined;
  }

  get model(): string {
    return this.options.model;
  }

  /** Sends one request (plus the SDK's retries); returns the forced tool call's raw input and usage. */
  async callTool(call: ToolCall): Promise<ToolCallResult> {
    if (!this.anthropic) throw new Error('LlmClient has no API key');
    const message = await this.anthropic.messages.create(
      {
        model: this.options.model,
        max_tokens: this.options.maxTokens,
        system: call.system,
        messages: [{ role: 'user', content: call.user }],
        tools: [call.tool],
        tool_choice: { type: 'tool', name: call.tool.name, disable_parallel_tool_use: true },
      },
      { signal: call.signal },
    );
    const usage = {
      model: message.model,
      inputTokens: message.usage.input_tokens,
      outputTokens: message.usage.output_tokens,
    };
    const toolUse = message.content.find(
      (block) => block.type === 'tool_use' && block.name === call.tool.name,
    );
    if (!toolUse || toolUse.type !== 'tool_use') {
      throw new ToolCallMissingError(
        call.tool.name,
        `reply has no ${call.tool.name} tool_use block (stop_reason ${message.stop_reason ?? 'null'})`,
        usage,
      );
    }
    return { input: toolUse.input, ...usage };
  }
}
