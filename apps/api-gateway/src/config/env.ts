import { baseEnvSchema, portSchema } from '@convergence/config';
import { z } from 'zod';

export const SERVICE_NAME = 'api-gateway';

/** Every variable api-gateway reads; documented in .env.example. */
export const envSchema = baseEnvSchema.extend({
  PORT: portSchema(3000),
  DATABASE_SCHEMA: z
    .string()
    .regex(/^[a-z_][a-z0-9_]*$/, 'must be a lowercase SQL identifier')
    .default('api_gateway'),
});

export type ApiGatewayEnv = z.infer<typeof envSchema>;
