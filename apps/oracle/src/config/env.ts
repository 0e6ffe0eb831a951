import { baseEnvSchema, portSchema } from '@convergence/config';
import { z } from 'zod';

export const SERVICE_NAME = 'oracle';

/** Every variable oracle reads; documented in .env.example. */
export const envSchema = baseEnvSchema.extend({
  PORT: portSchema(3003),
  DATABASE_SCHEMA: z
    .string()
    .regex(/^[a-z_][a-z0-9_]*$/, 'must be a lowercase SQL identifier')
    .default('oracle'),
});

export type OracleEnv = z.infer<typeof envSchema>;
