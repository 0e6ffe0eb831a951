import { serviceEnvSchema } from '@convergence/config';
import type { z } from 'zod';

export const SERVICE_NAME = 'oracle';

/** Every variable oracle reads; documented in .env.example. */
export const envSchema = serviceEnvSchema({ port: 3003, schema: 'oracle' });

export type OracleEnv = z.infer<typeof envSchema>;
