import { serviceEnvSchema } from '@convergence/config';
import { z } from 'zod';
import { checkSolanaEnv, solanaEnvShape } from '../solana/config/solana-env.schema';

export const SERVICE_NAME = 'chain-indexer';

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/** Every variable chain-indexer reads; documented in .env.example. */
export const envSchema = serviceEnvSchema({ port: 3001, schema: 'chain_indexer' })
  .extend({
    /** A YAML or JSON file of chains and sources (see README); wins over the one-chain variables below. */
    CHAINS_FILE: z.string().min(1).optional(),
    /** Zero-config single chain (what `npm start` passes): this RPC URL, every contract of CONTRACTS_FILE. */
    EVM_RPC_URL: z.string().url().optional(),
    EVM_CHAIN_ID: z.coerce.number().int().positive().optional(),
    CONTRACTS_FILE: z.string().min(1).optional(),
    /** Defaults of the zero-config chain (a chains file sets its own per chain). */
    EVM_CONFIRMATIONS: z.coerce.number().int().nonnegative().default(0),
    EVM_FINALITY_DEPTH: positiveInt(12),
    /** How often the head is polled once the indexer caught up. */
    EVM_POLL_INTERVAL_MS: positiveInt(250),
    /** One RPC call slower than this is aborted (and counts as a timeout). */
    EVM_RPC_TIMEOUT_MS: positiveInt(10_000),
    /** How long after its last call a tripped endpoint is probed again (failback needs 3 good probes). */
    EVM_RPC_PROBE_INTERVAL_MS: positiveInt(30_000),
    /** eth_getLogs calls in flight per chain, and addresses per call. */
    EVM_GETLOGS_CONCURRENCY: positiveInt(4),
    EVM_MAX_ADDRESSES_PER_CALL: positiveInt(100),
    /** Backfill: at most this many logs per Kafka publish + checkpoint commit (cut at block boundaries). */
    EVM_MAX_BATCH_LOGS: positiveInt(5_000),
    /** Alert when the indexed block is more than this many blocks behind the head. */
    EVM_LAG_ALERT_BLOCKS: positiveInt(10),
    /** Alert when no block was indexed for this long while the head moved on. */
    EVM_STALL_ALERT_MS: positiveInt(120_000),
    /**
     * Tests only: crash the process (exit without cleanup) at this point of the loop, e.g.
     * `after-publish` = after Kafka acknowledged a batch and before its checkpoint commit.
     */
    CHAIN_INDEXER_CRASH_POINT: z.enum(['after-publish']).optional(),
    /** Solana: cluster, RPC URLs, programs, polling and alert thresholds (see solana-env.schema.ts). */
    ...solanaEnvShape,
  })
  .superRefine(checkSolanaEnv);

export type ChainIndexerEnv = z.infer<typeof envSchema>;
