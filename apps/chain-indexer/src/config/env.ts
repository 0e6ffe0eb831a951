import { baseEnvSchema, portSchema } from '@convergence/config';
import { z } from 'zod';

export const SERVICE_NAME = 'chain-indexer';

/** Every variable chain-indexer reads; documented in .env.example. */
export const envSchema = baseEnvSchema.extend({
  PORT: portSchema(3001),
  DATABASE_SCHEMA: z
    .string()
    .regex(/^[a-z_][a-z0-9_]*$/, 'must be a lowercase SQL identifier')
    .default('chain_indexer'),
});

export type ChainIndexerEnv = z.infer<typeof envSchema>;
