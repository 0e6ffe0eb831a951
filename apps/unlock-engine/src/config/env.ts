import { serviceEnvSchema } from '@convergence/config';
import { z } from 'zod';
import { isSolanaAddress } from '../wallets/solana-address.util';

export const SERVICE_NAME = 'unlock-engine';

const booleanString = z
  .enum(['true', 'false', '1', '0'], { message: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1');

// An empty value (`EVM_RPC_URL=` in a .env file) means unset.
const unsetIfEmpty = <T extends z.ZodTypeAny>(schema: T) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

const milliseconds = (fallback: number) => z.coerce.number().int().min(0).max(86_400_000).default(fallback);

/** Every variable unlock-engine reads; documented in .env.example. */
export const envSchema = serviceEnvSchema({ port: 3002, schema: 'unlock_engine' }).extend({
  /** JSON of the demo deployment (`DemoDeployment`): which addresses are TRUST, TALLY, VOUCHER, Covenant, governor. */
  CONTRACTS_FILE: unsetIfEmpty(z.string()),
  /** JSON-RPC endpoint reconciliation reads balances from; reconciliation is off without it. */
  EVM_RPC_URL: unsetIfEmpty(z.string().url()),
  EVM_CHAIN_ID: z.coerce.number().int().positive().default(31337),
  /** Run the outbox relay in this process (off: another replica or process relays). */
  UNLOCK_OUTBOX_RELAY_ENABLED: booleanString.default('true'),
  /** How often the relay looks for new outbox rows when idle. */
  UNLOCK_OUTBOX_POLL_MS: z.coerce.number().int().min(10).max(60_000).default(100),
  /** Outbox rows published per Kafka transaction. */
  UNLOCK_OUTBOX_BATCH_SIZE: z.coerce.number().int().min(1).max(10_000).default(500),
  /** How long after an achievement the ceremony waits for the oracle's interpretation before the fallback. */
  UNLOCK_INTERPRETATION_TIMEOUT_MS: milliseconds(5_000),
  /** Scheduled reconciliation period; 0 turns the schedule off (on demand still works). */
  UNLOCK_RECONCILE_INTERVAL_MS: milliseconds(300_000),
  /**
   * Most bytes fetched per partition of the chain topics at once: the size of the batch applied in
   * one transaction (4 MiB ≈ 4,000 EVM logs). Larger spreads each batch's fixed statements over
   * more events; smaller keeps transactions short.
   */
  UNLOCK_CHAIN_FETCH_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(64 * 1024)
    .max(64 * 1024 * 1024)
    .default(4 * 1024 * 1024),
  /** Wallets reconciled per scheduled run, least recently reconciled first. */
  UNLOCK_RECONCILE_BATCH: z.coerce.number().int().min(1).max(10_000).default(50),
  /** Wallets re-evaluated per step of a background re-evaluation. */
  UNLOCK_REEVALUATION_BATCH: z.coerce.number().int().min(1).max(10_000).default(500),
  /** Announce every wallet whose profile a batch or reorg changed with `profile.updated.v1` (once per wallet per batch). */
  UNLOCK_PROFILE_UPDATES_ENABLED: booleanString.default('true'),
  /** How often a replica reloads unlock definitions other replicas may have changed. */
  UNLOCK_DEFINITIONS_REFRESH_MS: milliseconds(5_000),
  /** The Solana cluster whose `chain.solana.tx.v1` transfers are projected (the indexer's SOLANA_CLUSTER). */
  UNLOCK_SOLANA_CLUSTER: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*$/, 'lowercase letters, digits and - only')
    .default('localnet'),
  /**
   * SPL mints (base58, comma-separated) whose balances are projected per wallet and which a
   * `solanaTokenBalance` condition can name; empty: no Solana holdings are projected.
   */
  UNLOCK_SOLANA_MINTS: z
    .string()
    .default('')
    .transform((v) => [
      ...new Set(
        v
          .split(',')
          .map((m) => m.trim())
          .filter(Boolean),
      ),
    ])
    .pipe(z.array(z.string().refine(isSolanaAddress, 'each must be a base58 SPL mint address'))),
});

export type UnlockEngineEnv = z.infer<typeof envSchema>;

/** Nest token of the validated env. */
export const ENGINE_ENV = Symbol('ENGINE_ENV');
