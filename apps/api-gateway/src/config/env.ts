import { serviceEnvSchema } from '@convergence/config';
import { hostname } from 'node:os';
import { z } from 'zod';

export const SERVICE_NAME = 'api-gateway';

const list = z
  .string()
  .default('')
  .transform((v) =>
    v
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  );

const walletList = list.pipe(
  z.array(
    z
      .string()
      .regex(/^0x[0-9a-fA-F]{40}$/, 'each entry must be a 0x-prefixed 20-byte address')
      .transform((a) => a.toLowerCase()),
  ),
);

// An empty value (`EVM_RPC_URL=` in a .env file) means unset.
const unsetIfEmpty = <T extends z.ZodTypeAny>(schema: T) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

const url = (fallback: string) => z.string().url().default(fallback);
const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/** Every variable api-gateway reads; documented in .env.example. */
export const envSchema = serviceEnvSchema({ port: 3000, schema: 'api_gateway' })
  .extend({
    /** HS256 secret of access tokens (secret). Required in production; elsewhere a random one per process. */
    JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    ACCESS_TOKEN_TTL_SECONDS: positiveInt(900),
    REFRESH_TOKEN_TTL_SECONDS: positiveInt(7 * 24 * 3600),
    /** EIP-4361 `domain` a sign-in message must name (the frontend's host). */
    SIWE_DOMAIN: z.string().min(1).default('localhost:3000'),
    SIWE_NONCE_TTL_SECONDS: positiveInt(300),
    /** JSON-RPC used to verify smart-contract wallet signatures (ERC-1271/6492); EOAs need none. */
    SIWE_RPC_URL: z.string().url().optional(),
    ADMIN_WALLETS: walletList,
    OPERATOR_WALLETS: walletList,
    /** Origins allowed by CORS; empty: no CORS headers (same-origin only). `*` allows any. */
    CORS_ORIGINS: list,
    RATE_LIMIT_MAX: positiveInt(100),
    RATE_LIMIT_WINDOW_SECONDS: positiveInt(900),
    /** `routeId=max/windowSeconds` pairs, e.g. `auth.verify=10/60,unlocks.eligibility=1000/900`. */
    RATE_LIMIT_ROUTES: list.pipe(
      z.array(z.string().regex(/^[a-z0-9.-]+=\d+\/\d+$/, 'each entry must be routeId=max/windowSeconds')),
    ),
    /** How often counters are pooled with the other gateway instances through Postgres. */
    RATE_LIMIT_SYNC_MS: positiveInt(200),
    AUTH_FAILURE_ALERT_THRESHOLD: positiveInt(5),
    UPSTREAM_CHAIN_INDEXER_URL: url('http://127.0.0.1:3001'),
    UPSTREAM_UNLOCK_ENGINE_URL: url('http://127.0.0.1:3002'),
    UPSTREAM_ORACLE_URL: url('http://127.0.0.1:3003'),
    UPSTREAM_ALERT_ROUTER_URL: url('http://127.0.0.1:3004'),
    UPSTREAM_TIMEOUT_MS: positiveInt(5_000),
    /** How long eligibility and profile answers are served from memory (events invalidate them sooner). */
    CACHE_TTL_MS: z.coerce.number().int().nonnegative().default(5_000),
    CACHE_MAX_ENTRIES: positiveInt(50_000),
    /**
     * Cached eligibility / profile reads answered on the HTTP server ahead of Express and Nest (same
     * checks, headers and metrics, no I/O); `false` sends every request through the full pipeline.
     */
    GATEWAY_FAST_CACHED_READS: z
      .enum(['true', 'false'], { message: 'must be true or false' })
      .default('true')
      .transform((v) => v === 'true'),
    /** Names this instance's live-update consumer group; keep it stable across restarts of one instance. */
    GATEWAY_INSTANCE_ID: z
      .string()
      .regex(/^[a-zA-Z0-9._-]+$/, 'letters, digits, . _ - only')
      .default(hostname().replace(/[^a-zA-Z0-9._-]/g, '-')),
    /** Events older than this when they arrive are not pushed to WebSocket clients (replays, catch-up). */
    LIVE_MAX_EVENT_AGE_MS: positiveInt(60_000),
    /** JSON-RPC of the chain whose demo contracts the emergency operations read and act on; off without it. */
    EVM_RPC_URL: unsetIfEmpty(z.string().url()),
    /** JSON of the demo deployment (`DemoDeployment`): which contract is at which address. */
    CONTRACTS_FILE: unsetIfEmpty(z.string()),
    /** `direct`: the operator key signs and sends; `multisig`: answers proposals for GATEWAY_MULTISIG_ADDRESS. */
    GATEWAY_CONTRACT_OPS_MODE: z.enum(['direct', 'multisig']).default('direct'),
    /** Key that signs emergency operations in direct mode (secret); needs PAUSER_ROLE / DEFAULT_ADMIN_ROLE. */
    GATEWAY_OPERATOR_PRIVATE_KEY: unsetIfEmpty(
      z.string().regex(/^0x[0-9a-fA-F]{64}$/, 'must be a 0x-prefixed 32-byte hex private key'),
    ),
    /** The multisig (e.g. a Safe) that executes proposals in multisig mode; it must hold the roles. */
    GATEWAY_MULTISIG_ADDRESS: unsetIfEmpty(
      z
        .string()
        .regex(/^0x[0-9a-fA-F]{40}$/, 'must be a 0x-prefixed 20-byte address')
        .transform((a) => a.toLowerCase() as `0x${string}`),
    ),
    /** Chain ids where direct mode may sign (test networks); any other chain needs multisig mode. */
    GATEWAY_TEST_CHAIN_IDS: list
      .pipe(z.array(z.coerce.number().int().positive()))
      .default('31337,1337,11155111,17000,84532'),
    /** How long a direct-mode operation waits for its receipt before answering 504. */
    GATEWAY_TX_RECEIPT_TIMEOUT_MS: positiveInt(60_000),
    /** How often the gateway samples its own and the services' /metrics for the weekly report. */
    REPORT_SAMPLE_INTERVAL_MS: positiveInt(300_000),
    /** Samples older than this are deleted (the report can look back this far). */
    REPORT_RETENTION_DAYS: positiveInt(35),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production' && env.JWT_SECRET === undefined) {
      ctx.addIssue({ code: 'custom', path: ['JWT_SECRET'], message: 'is required in production' });
    }
    if (env.GATEWAY_CONTRACT_OPS_MODE === 'multisig' && env.GATEWAY_MULTISIG_ADDRESS === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['GATEWAY_MULTISIG_ADDRESS'],
        message: 'is required when GATEWAY_CONTRACT_OPS_MODE=multisig',
      });
    }
  });

export type ApiGatewayEnv = z.infer<typeof envSchema>;
