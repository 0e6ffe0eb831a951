import type { Command } from 'commander';
import { type CliEnv, loadCliConfig } from '../config/cli-config';
import { GatewayClient } from '../gateway/gateway.client';
import { type Output, processOutput } from '../output/output';

/** What every command's action works with, built from the global options and the environment. */
export interface CommandContext {
  config: CliEnv;
  output: Output;
  gateway: GatewayClient;
  env: NodeJS.ProcessEnv;
}

interface GlobalOptions {
  gatewayUrl?: string;
  apiKey?: string;
  json?: boolean;
  databaseUrl?: string;
  pgBinDir?: string;
}

/** The context of the command being run: validated config (options over env), output, gateway client. */
export function contextOf(command: Command, env: NodeJS.ProcessEnv): CommandContext {
  const options = command.optsWithGlobals<GlobalOptions>();
  const config = loadCliConfig(env, options);
  return {
    config,
    output: processOutput(options.json === true),
    gateway: new GatewayClient({
      baseUrl: config.CONVERGENCE_GATEWAY_URL,
      apiKey: config.CONVERGENCE_API_KEY,
      timeoutMs: config.CONVERGENCE_HTTP_TIMEOUT_MS,
    }),
    env,
  };
}
