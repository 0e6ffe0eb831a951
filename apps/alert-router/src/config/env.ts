import { serviceEnvSchema } from '@convergence/config';
import type { z } from 'zod';

export const SERVICE_NAME = 'alert-router';

/** Every variable alert-router reads; documented in .env.example. */
export const envSchema = serviceEnvSchema({ port: 3004, schema: 'alert_router' });

export type AlertRouterEnv = z.infer<typeof envSchema>;
