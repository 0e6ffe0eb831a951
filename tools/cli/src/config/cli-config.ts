import { z } from 'zod';
import { CliError } from '../cli.exception';

/** Every environment variable the CLI reads; documented in .env.example (`# --- cli ---`). */
export const cliEnvSchema = z.object({
  CONVERGENCE_GATEWAY_URL: z
    .string()
    .url('must be a URL such as http://127.0.0.1:3000')
    .refine((u) => /^https?:/.test(u), 'must be an http:// or https:// URL')
    .default('http://127.0.0.1:3000'),
  /** Sent as `x-api-key`; create one with `convergence keys create` (secret). */
  CONVERGENCE_API_KEY: z.string().min(1).optional(),
  /** PostgreSQL holding the services' schemas, for `backup` / `restore` (secret). */
  CONVERGENCE_DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional(),
  /** A folder with pg_dump / pg_restore / psql to use instead of PATH or the fetched client. */
  CONVERGENCE_PG_BIN_DIR: z.string().min(1).optional(),
  CONVERGENCE_HTTP_TIMEOUT_MS: z.coerce.number().int().positive().default(15_000),
});

/** The validated settings every command reads. */
export type CliEnv = z.infer<typeof cliEnvSchema>;

/** Options given on the command line win over the environment. */
export interface CliOverrides {
  gatewayUrl?: string;
  apiKey?: string;
  databaseUrl?: string;
  pgBinDir?: string;
}

/**
 * The CLI's validated settings: environment first, command-line options on top; every bad value
 * is named at once (as `--option / VARIABLE`).
 *
 * @example loadCliConfig(process.env, { gatewayUrl: 'http://gw:3000' }).CONVERGENCE_GATEWAY_URL
 */
export function loadCliConfig(env: NodeJS.ProcessEnv, overrides: CliOverrides = {}): CliEnv {
  const merged: Record<string, string> = {};
  for (const key of Object.keys(cliEnvSchema.shape)) {
    const value = env[key];
    if (value !== undefined && value !== '') merged[key] = value; // empty means unset
  }
  const fromOptions: Record<string, string | undefined> = {
    CONVERGENCE_GATEWAY_URL: overrides.gatewayUrl,
    CONVERGENCE_API_KEY: overrides.apiKey,
    CONVERGENCE_DATABASE_URL: overrides.databaseUrl,
    CONVERGENCE_PG_BIN_DIR: overrides.pgBinDir,
  };
  for (const [key, value] of Object.entries(fromOptions)) if (value) merged[key] = value;

  const result = cliEnvSchema.safeParse(merged);
  if (result.success) return result.data;
  const problems = result.error.issues.map((i) => `  - ${optionNameOf(String(i.path[0]))}: ${i.message}`);
  throw new CliError('config', `invalid configuration:\n${problems.join('\n')}`);
}

function optionNameOf(variable: string): string {
  const option: Record<string, string> = {
    CONVERGENCE_GATEWAY_URL: '--gateway-url',
    CONVERGENCE_API_KEY: '--api-key',
    CONVERGENCE_DATABASE_URL: '--database-url',
    CONVERGENCE_PG_BIN_DIR: '--pg-bin-dir',
  };
  return option[variable] ? `${option[variable]} / ${variable}` : variable;
}
