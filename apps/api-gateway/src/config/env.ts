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
    /** Names this instance's live-update consumer group; keep it stable across restarts of one instance. */
    GATEWAY_INSTANCE_ID: z
      .string()
      .regex(/^[a-zA-Z0-9._-]+$/, 'letters, digits, . _ - only')
      .default(hostname().replace(/[^a-zA-Z0-9._-]/g, '-')),
    /** Events older than this when they arrive are not pushed to WebSocket clients (replays, catch-up). */
    LIVE_MAX_EVENT_AGE_MS: positiveInt(60_000),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production' && env.JWT_SECRET === undefined) {
      ctx.addIssue({ code: 'custom', path: ['JWT_SECRET'], message: 'is required in production' });
    }
  });

export type ApiGatewayEnv = z.infer<typeof envSchema>;
