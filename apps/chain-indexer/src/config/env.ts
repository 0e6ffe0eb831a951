import { serviceEnvSchema } from '@convergence/config';
import type { z } from 'zod';

export const SERVICE_NAME = 'chain-indexer';

/** Every variable chain-indexer reads; documented in .env.example. */
export const envSchema = serviceEnvSchema({ port: 3001, schema: 'chain_indexer' });

export type ChainIndexerEnv = z.infer<typeof envSchema>;
