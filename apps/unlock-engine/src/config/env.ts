import { serviceEnvSchema } from '@convergence/config';
import type { z } from 'zod';

export const SERVICE_NAME = 'unlock-engine';

/** Every variable unlock-engine reads; documented in .env.example. */
export const envSchema = serviceEnvSchema({ port: 3002, schema: 'unlock_engine' });

export type UnlockEngineEnv = z.infer<typeof envSchema>;
