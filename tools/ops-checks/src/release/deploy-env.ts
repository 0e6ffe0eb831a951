import { z } from 'zod';
import { SOURCIFY_URL } from './sourcify.client';

/** What the mainnet deploy reads from the environment (secrets stay out of argv and shell history). */
export const deployEnvSchema = z.object({
  /** The mainnet database (read-only access is enough): which migrations are applied. */
  DATABASE_URL: z.string().url('must be a postgres:// URL'),
  /** A mainnet JSON-RPC endpoint: contract code, roles, the multisig. */
  EVM_RPC_URL: z.string().url('must be an http(s) URL'),
  /** Sourcify server for the verification lookups. */
  SOURCIFY_URL: z.string().url().default(SOURCIFY_URL),
});

export type DeployEnv = z.infer<typeof deployEnvSchema>;

/** Validates the environment, naming every bad variable. */
export function loadDeployEnv(env: NodeJS.ProcessEnv): DeployEnv {
  const parsed = deployEnvSchema.safeParse(env);
  if (!parsed.success) {
    throw new Error(
      `invalid environment: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`,
    );
  }
  return parsed.data;
}
