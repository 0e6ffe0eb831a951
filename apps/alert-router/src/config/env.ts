import { baseEnvSchema, portSchema } from '@convergence/config';
import { z } from 'zod';

export const SERVICE_NAME = 'alert-router';

/** Every variable alert-router reads; documented in .env.example. */
export const envSchema = baseEnvSchema.extend({
  PORT: portSchema(3004),
  DATABASE_SCHEMA: z
    .string()
    .regex(/^[a-z_][a-z0-9_]*$/, 'must be a lowercase SQL identifier')
    .default('alert_router'),
});

export type AlertRouterEnv = z.infer<typeof envSchema>;
