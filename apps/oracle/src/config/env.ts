import { serviceEnvSchema } from '@convergence/config';
import { z } from 'zod';
import { opinionMarketIdl } from '@convergence/contracts';

export const SERVICE_NAME = 'oracle';

const privateKeySchema = z
  .string()
  .regex(/^0x[0-9a-fA-F]{64}$/, 'must be a 0x-prefixed 32-byte hex private key')
  .transform((v) => v as `0x${string}`);

const addressSchema = z
  .string()
  .regex(/^0x[0-9a-fA-F]{40}$/, 'must be a 0x-prefixed 20-byte address')
  .transform((v) => v as `0x${string}`);

const base58KeySchema = z.string().regex(/^[1-9A-HJ-NP-Za-km-z]{32,44}$/, 'must be a base58 public key');

/** A Solana keypair as `solana-keygen` writes it: a JSON array of the 64 secret-key bytes. */
const keypairSchema = z
  .string()
  .transform((raw, ctx) => {
    try {
      return JSON.parse(raw) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'must be a JSON array of 64 bytes (solana-keygen format)' });
      return z.NEVER;
    }
  })
  .pipe(z.array(z.number().int().min(0).max(255)).length(64, 'must hold 64 bytes'));

const modelPriceSchema = z.object({
  inputPerMTok: z.number().nonnegative(),
  outputPerMTok: z.number().nonnegative(),
});

/** `{"model": {"inputPerMTok": 3, "outputPerMTok": 15}}` — USD per million tokens, per model. */
const pricesSchema = z
  .string()
  .transform((raw, ctx) => {
    try {
      return JSON.parse(raw) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'must be JSON' });
      return z.NEVER;
    }
  })
  .pipe(z.record(z.string().min(1), modelPriceSchema));

const ms = (fallback: number, min = 1) => z.coerce.number().int().min(min).default(fallback);

/** Every variable oracle reads; documented in .env.example. ORACLE_PRIVATE_KEY, SOLANA_ORACLE_PRIVATE_KEY and ANTHROPIC_API_KEY are secrets (redacted by name). */
export const envSchema = serviceEnvSchema({ port: 3003, schema: 'oracle' })
  .extend({
    // Claude
    ANTHROPIC_API_KEY: z.string().min(1).optional(),
    ANTHROPIC_BASE_URL: z.string().url().optional(),
    LLM_MODEL: z.string().min(1).default('claude-sonnet-4-5'),
    LLM_MAX_TOKENS: z.coerce.number().int().min(64).max(8_192).default(1_024),
    LLM_TIMEOUT_MS: ms(30_000, 100),
    LLM_MAX_RETRIES: z.coerce.number().int().min(0).max(10).default(3),
    LLM_INVALID_OUTPUT_RETRIES: z.coerce.number().int().min(0).max(5).default(1),
    LLM_DEADLINE_MS: ms(120_000, 100),
    LLM_PRICES: pricesSchema.default(
      JSON.stringify({
        'claude-sonnet-4-5': { inputPerMTok: 3, outputPerMTok: 15 },
        'claude-haiku-4-5': { inputPerMTok: 1, outputPerMTok: 5 },
        'claude-opus-4-5': { inputPerMTok: 5, outputPerMTok: 25 },
      }),
    ),
    LLM_DAILY_ALERT_USD: z.coerce.number().nonnegative().default(25),
    LLM_MONTHLY_BUDGET_USD: z.coerce.number().nonnegative().default(500),
    LLM_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(150),
    // Chain
    EVM_RPC_URL: z.string().url(),
    EVM_CHAIN_ID: z.coerce.number().int().positive(),
    CONTRACTS_FILE: z.string().min(1),
    ORACLE_PRIVATE_KEY: privateKeySchema,
    CHAIN_POLL_INTERVAL_MS: ms(2_000, 10),
    EVM_RECEIPT_POLL_MS: ms(250, 10),
    CHAIN_LOG_RANGE: z.coerce.number().int().min(1).max(100_000).default(2_000),
    // Logs are read only this many blocks below the head; deeper reorgs are caught by block hashes.
    CHAIN_CONFIRMATIONS: z.coerce.number().int().min(0).max(1_000).default(0),
    // How many blocks back the log reader remembers hashes of (the deepest reorg it can rewind exactly).
    CHAIN_REORG_WINDOW: z.coerce.number().int().min(1).max(100_000).default(256),
    // The `chain` label of metrics; default: the chain's common name by EVM_CHAIN_ID, else evm-<id>.
    EVM_CHAIN_NAME: z
      .string()
      .regex(/^[a-z0-9-]+$/, 'must be lowercase letters, digits and dashes')
      .optional(),
    STAKE_TOKEN_DECIMALS: z.coerce.number().int().min(0).max(36).default(18),
    // Settlement
    // Which chain's markets this process settles: the OpinionMarket contract (evm) or the opinion_market program (solana).
    SETTLEMENT_CHAIN: z.enum(['evm', 'solana']).default('evm'),
    SETTLEMENT_MODE: z.enum(['direct', 'multisig']).default('direct'),
    SETTLEMENT_MULTISIG_ADDRESS: addressSchema.optional(),
    SETTLEMENT_MAX_IN_FLIGHT: z.coerce.number().int().min(1).max(100).default(10),
    SETTLEMENT_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(3),
    SETTLEMENT_RETRY_BASE_MS: ms(1_000),
    SETTLEMENT_POLL_INTERVAL_MS: ms(500, 10),
    SETTLEMENT_LEASE_MS: ms(30_000, 1_000),
    MONITOR_INTERVAL_MS: ms(60_000, 100),
    VRF_TIMEOUT_MS: ms(120_000, 100),
    VRF_MAX_REREQUESTS: z.coerce.number().int().min(0).max(20).default(3),
    // Solana (SETTLEMENT_CHAIN=solana)
    SOLANA_RPC_URL: z.string().url().optional(),
    SOLANA_PROGRAM_ID: base58KeySchema.default(opinionMarketIdl.address),
    SOLANA_ORACLE_PRIVATE_KEY: keypairSchema.optional(),
    SOLANA_CLUSTER_ID: z.coerce.number().int().positive().default(900),
    SOLANA_CLUSTER_NAME: z
      .string()
      .regex(/^[a-z0-9-]+$/, 'must be lowercase letters, digits and dashes')
      .default('solana'),
    SOLANA_CONFIRM_TIMEOUT_MS: ms(60_000, 100),
    // Test-only fault injection: SIGKILL the process at this point (refused in production).
    ORACLE_FAULT_KILL_AT: z.string().min(1).optional(),
  })
  .superRefine((env, ctx) => {
    if (env.SETTLEMENT_MODE === 'multisig' && !env.SETTLEMENT_MULTISIG_ADDRESS) {
      ctx.addIssue({
        code: 'custom',
        path: ['SETTLEMENT_MULTISIG_ADDRESS'],
        message: 'is required when SETTLEMENT_MODE=multisig',
      });
    }
    if (env.SETTLEMENT_CHAIN === 'solana') {
      for (const key of ['SOLANA_RPC_URL', 'SOLANA_ORACLE_PRIVATE_KEY'] as const) {
        if (!env[key])
          ctx.addIssue({ code: 'custom', path: [key], message: 'is required when SETTLEMENT_CHAIN=solana' });
      }
      if (env.SETTLEMENT_MODE === 'multisig') {
        ctx.addIssue({
          code: 'custom',
          path: ['SETTLEMENT_MODE'],
          message: 'multisig proposals are Safe transactions: only with SETTLEMENT_CHAIN=evm',
        });
      }
    }
    if (env.ORACLE_FAULT_KILL_AT && env.NODE_ENV === 'production') {
      ctx.addIssue({
        code: 'custom',
        path: ['ORACLE_FAULT_KILL_AT'],
        message: 'is a test-only fault injection and is refused when NODE_ENV=production',
      });
    }
  });

export type OracleEnv = z.infer<typeof envSchema>;

const CHAIN_NAMES: Record<number, string> = {
  1: 'ethereum',
  10: 'optimism',
  137: 'polygon',
  8453: 'base',
  42161: 'arbitrum',
  11155111: 'sepolia',
  31337: 'hardhat',
};

/** The `chain` label of the configured EVM chain's metrics. */
export function evmChainNameOf(env: Pick<OracleEnv, 'EVM_CHAIN_ID' | 'EVM_CHAIN_NAME'>): string {
  return env.EVM_CHAIN_NAME ?? CHAIN_NAMES[env.EVM_CHAIN_ID] ?? `evm-${env.EVM_CHAIN_ID}`;
}
export type ModelPrices = OracleEnv['LLM_PRICES'];
