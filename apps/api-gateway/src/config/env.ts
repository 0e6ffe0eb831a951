import { serviceEnvSchema } from '@convergence/config';
import type { z } from 'zod';

export const SERVICE_NAME = 'api-gateway';

/** Every variable api-gateway reads; documented in .env.example. */
export const envSchema = serviceEnvSchema({ port: 3000, schema: 'api_gateway' });

export type ApiGatewayEnv = z.infer<typeof envSchema>;
