import { baseEnvSchema, portSchema } from '@convergence/config';
import { z } from 'zod';

export const SERVICE_NAME = 'unlock-engine';

/** Every variable unlock-engine reads; documented in .env.example. */
export const envSchema = baseEnvSchema.extend({
  PORT: portSchema(3002),
  DATABASE_SCHEMA: z
    .string()
    .regex(/^[a-z_][a-z0-9_]*$/, 'must be a lowercase SQL identifier')
    .default('unlock_engine'),
});

export type UnlockEngineEnv = z.infer<typeof envSchema>;
