import { z } from 'zod';
import type { RouteDefinition } from './route.model';
import { addressQuery, addressSchema, idParams, idSchema, pageQuery } from './route-params.schema';

// Every route of the gateway, in one place: paths on the owning services are adjusted here only.
// Bodies the owners validate in depth are checked here for shape, passing other fields through.

const hexSchema = z.string().regex(/^0x[0-9a-fA-F]+$/, 'must be 0x-prefixed hex');
const uintString = z.string().regex(/^\d+$/, 'must be a whole number as a string');
const isoTime = z.string().datetime({ offset: true, message: 'must be an ISO-8601 time' });
const topicParams = z
  .object({
    topic: z.string().regex(/^[a-z0-9.]+[a-z0-9]$/, 'must be a topic name such as unlock.achieved.v1'),
  })
  .strict();
const walletParams = z.object({ wallet: addressSchema }).strict();
const chainIdSchema = z.coerce.number().int('must be a whole number').positive('must be a positive chain id');
const chainIdParams = z.object({ chainId: chainIdSchema }).strict();
const blockNumber = z
  .union([z.number().int().nonnegative(), uintString], {
    errorMap: () => ({ message: 'must be a block number (a whole number or its decimal string)' }),
  })
  .transform(String);
const isoDateOrTime = z
  .string()
  .refine(
    (v) =>
      /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/.test(v) &&
      !isNaN(Date.parse(v)),
    'must be an ISO-8601 date (2026-11-22) or time (2026-11-22T12:00:00Z)',
  );
const contractSelector = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9]{0,63}$/, 'must be a contract name of the deployment (e.g. trust) or all');
const roleInput = z
  .object({
    contract: contractSelector,
    role: z
      .string()
      .regex(
        /^([A-Z][A-Z0-9_]{0,63}|0x[0-9a-fA-F]{64})$/,
        'must be a role name such as PAUSER_ROLE or a 0x-prefixed 32-byte id',
      ),
    account: addressSchema,
  })
  .strict();
const contractProblems = {
  404: 'no contract of that name in the deployment',
  409: 'the contract refused the call (decoded revert reason), or direct mode on a chain that is not a test network',
  502: 'the chain could not be reached, or the transaction reverted when mined',
  503: 'EVM_RPC_URL / CONTRACTS_FILE (or the operator key) not configured',
  504: 'no receipt within GATEWAY_TX_RECEIPT_TIMEOUT_MS',
} as const;

/** Identity: Sign-In with Ethereum, tokens, API keys, the auth log. Answered by the gateway. */
export const identityRoutes = {
  nonce: {
    id: 'auth.nonce',
    method: 'POST',
    path: '/auth/nonce',
    tag: 'identity',
    access: 'public',
    scope: 'public',
    summary: 'Issue a single-use SIWE nonce (valid SIWE_NONCE_TTL_SECONDS)',
    status: 201,
    rateLimit: { max: 30, windowSeconds: 60 },
  },
  verify: {
    id: 'auth.verify',
    method: 'POST',
    path: '/auth/verify',
    tag: 'identity',
    access: 'public',
    scope: 'public',
    summary: 'Sign in with a signed EIP-4361 message; answers an access and a refresh token',
    body: z.object({ message: z.string().min(1).max(4096), signature: hexSchema }).strict(),
    rateLimit: { max: 30, windowSeconds: 60 },
  },
  refresh: {
    id: 'auth.refresh',
    method: 'POST',
    path: '/auth/refresh',
    tag: 'identity',
    access: 'public',
    scope: 'public',
    summary: 'Rotate a refresh token; reusing a rotated one revokes its whole family',
    body: z.object({ refreshToken: z.string().min(1).max(512) }).strict(),
  },
  logout: {
    id: 'auth.logout',
    method: 'POST',
    path: '/auth/logout',
    tag: 'identity',
    access: 'public',
    scope: 'public',
    summary: 'Revoke the refresh token family of a session',
    status: 204,
    body: z.object({ refreshToken: z.string().min(1).max(512) }).strict(),
  },
  me: {
    id: 'auth.me',
    method: 'GET',
    path: '/auth/me',
    tag: 'identity',
    access: 'viewer',
    scope: 'identity:read',
    summary: 'Who the caller is: wallet or API key, role and scopes',
  },
  createKey: {
    id: 'api-keys.create',
    method: 'POST',
    path: '/api/admin/api-keys',
    tag: 'identity',
    access: 'admin',
    scope: 'keys:admin',
    summary: 'Create an API key; the key is in this answer only',
    status: 201,
    body: z
      .object({
        name: z.string().min(1).max(100),
        role: z.enum(['viewer', 'operator', 'admin']),
        scopes: z
          .array(
            z.string().regex(/^(\*|[a-z-]+:(read|write|admin))$/, 'must be resource:read|write|admin or *'),
          )
          .min(1),
      })
      .strict(),
  },
  listKeys: {
    id: 'api-keys.list',
    method: 'GET',
    path: '/api/admin/api-keys',
    tag: 'identity',
    access: 'admin',
    scope: 'keys:admin',
    summary: 'List API keys (never the keys themselves) with their last use',
  },
  revokeKey: {
    id: 'api-keys.revoke',
    method: 'DELETE',
    path: '/api/admin/api-keys/:id',
    tag: 'identity',
    access: 'admin',
    scope: 'keys:admin',
    summary: 'Revoke an API key',
    status: 204,
    params: z.object({ id: z.string().uuid('must be a UUID') }).strict(),
  },
  authFailures: {
    id: 'auth-log.failures',
    method: 'GET',
    path: '/api/admin/auth-log/failures',
    tag: 'identity',
    access: 'admin',
    scope: 'auth-log:read',
    summary: 'Wallets, keys and IPs with repeated sign-in failures in a recent window',
    query: z
      .object({
        sinceMinutes: z.coerce.number().int().min(1).max(10_080).default(60),
        min: z.coerce.number().int().min(1).max(10_000).default(5),
      })
      .strict(),
  },
} as const satisfies Record<string, RouteDefinition>;

/** The status board and the API description. Answered by the gateway. */
export const gatewayRoutes = {
  board: {
    id: 'health.board',
    method: 'GET',
    path: '/health',
    tag: 'health',
    access: 'public',
    scope: 'public',
    summary: "Status board: each service's readiness and status, overall ok / degraded / down",
  },
  sync: {
    id: 'health.sync',
    method: 'GET',
    path: '/health/sync',
    tag: 'health',
    access: 'public',
    scope: 'public',
    summary: 'Indexer head vs chain head per chain (from the chain-indexer)',
  },
  openapi: {
    id: 'docs.openapi',
    method: 'GET',
    path: '/openapi.json',
    tag: 'docs',
    access: 'public',
    scope: 'public',
    summary: 'This API as OpenAPI 3.1',
  },
  docs: {
    id: 'docs.html',
    method: 'GET',
    path: '/docs',
    tag: 'docs',
    access: 'public',
    scope: 'public',
    summary: 'This API as a readable page',
  },
  dlqInspect: {
    id: 'dlq.inspect',
    method: 'GET',
    path: '/api/operator/dlq/:topic',
    tag: 'operator',
    access: 'operator',
    scope: 'dlq:read',
    summary: "Read dead letters of a topic's DLQ",
    params: topicParams,
    query: z
      .object({
        limit: z.coerce.number().int().min(1).max(500).default(50),
        partition: z.coerce.number().int().min(0).optional(),
        fromOffset: uintString.optional(),
      })
      .strict(),
  },
  dlqReplay: {
    id: 'dlq.replay',
    method: 'POST',
    path: '/api/operator/dlq/:topic/replay',
    tag: 'operator',
    access: 'operator',
    scope: 'dlq:write',
    summary: 'Put dead letters back on their topic',
    params: topicParams,
    body: z.union([
      z.object({ all: z.literal(true) }).strict(),
      z.object({ partition: z.number().int().min(0), offsets: z.array(uintString).min(1) }).strict(),
    ]),
  },
  indexerChain: {
    id: 'indexer.chain',
    method: 'GET',
    path: '/api/operator/indexer/chains/:chainId',
    tag: 'operator',
    access: 'operator',
    scope: 'indexer:read',
    summary:
      "One chain's head, indexed block, lag and endpoints (chain-indexer GET /chains/:chainId) with the latest re-index's target and progress",
    params: chainIdParams,
    problems: {
      404: 'the chain-indexer does not index this chain',
      502: 'the chain-indexer failed or is unreachable',
    },
  },
  reindex: {
    id: 'indexer.reindex',
    method: 'POST',
    path: '/api/operator/indexer/reindex',
    tag: 'operator',
    access: 'operator',
    scope: 'indexer:write',
    summary:
      'Re-index a chain from a block (chain-indexer POST /chains/:chainId/reindex); records the head to reach for progress',
    status: 202,
    body: z.object({ chainId: chainIdSchema, fromBlock: blockNumber }).strict(),
    problems: {
      404: 'the chain-indexer does not index this chain',
      502: 'the chain-indexer failed or is unreachable',
    },
  },
  contracts: {
    id: 'contracts.list',
    method: 'GET',
    path: '/api/operator/contracts',
    tag: 'operator',
    access: 'operator',
    scope: 'contracts:read',
    summary: 'The demo contracts with their paused() state, read from the chain; and the operations mode',
    problems: contractProblems,
  },
  pause: {
    id: 'contracts.pause',
    method: 'POST',
    path: '/api/admin/contracts/pause',
    tag: 'admin',
    access: 'admin',
    scope: 'contracts:admin',
    summary: 'Pause one contract or all (direct: signed by the operator key; multisig: proposals)',
    body: z.object({ contract: contractSelector }).strict(),
    problems: contractProblems,
  },
  unpause: {
    id: 'contracts.unpause',
    method: 'POST',
    path: '/api/admin/contracts/unpause',
    tag: 'admin',
    access: 'admin',
    scope: 'contracts:admin',
    summary: 'Unpause one contract or all (direct: signed by the operator key; multisig: proposals)',
    body: z.object({ contract: contractSelector }).strict(),
    problems: contractProblems,
  },
  grantRole: {
    id: 'roles.grant',
    method: 'POST',
    path: '/api/admin/roles/grant',
    tag: 'admin',
    access: 'admin',
    scope: 'contracts:admin',
    summary: 'Grant an AccessControl role on a contract (direct or as a multisig proposal)',
    body: roleInput,
    problems: contractProblems,
  },
  revokeRole: {
    id: 'roles.revoke',
    method: 'POST',
    path: '/api/admin/roles/revoke',
    tag: 'admin',
    access: 'admin',
    scope: 'contracts:admin',
    summary: 'Revoke an AccessControl role on a contract (direct or as a multisig proposal)',
    body: roleInput,
    problems: contractProblems,
  },
  checkRole: {
    id: 'roles.check',
    method: 'GET',
    path: '/api/operator/roles/check',
    tag: 'operator',
    access: 'operator',
    scope: 'contracts:read',
    summary: 'Whether an account holds a role on a contract (hasRole, read from the chain)',
    query: roleInput,
    problems: contractProblems,
  },
  weeklyReport: {
    id: 'reports.weekly',
    method: 'GET',
    path: '/api/operator/reports/weekly',
    tag: 'operator',
    access: 'operator',
    scope: 'reports:read',
    summary:
      'The weekly operations report (7 days up to `end`, default now; a date means through that day, UTC) as JSON or Markdown',
    query: z
      .object({
        format: z.enum(['json', 'markdown']).default('json'),
        end: isoDateOrTime.optional(),
      })
      .strict(),
    produces: ['application/json', 'text/markdown'],
  },
  cacheClear: {
    id: 'cache.clear',
    method: 'POST',
    path: '/api/operator/cache/clear',
    tag: 'operator',
    access: 'operator',
    scope: 'cache:write',
    summary: 'Drop every cached eligibility and profile answer on this instance',
  },
} as const satisfies Record<string, RouteDefinition>;

/** Commands and queries forwarded to the service that owns them. */
export const forwardedRoutes = {
  userProfile: {
    id: 'profiles.get',
    method: 'GET',
    path: '/api/blockchain/user-profile',
    tag: 'unlocks',
    access: 'viewer',
    scope: 'profiles:read',
    summary: "A wallet's profile",
    query: addressQuery,
    cache: 'profile',
    upstream: { service: 'unlock-engine', method: 'GET', path: '/profiles/{address}' },
  },
  unlocks: {
    id: 'unlocks.list',
    method: 'GET',
    path: '/api/unlocks',
    tag: 'unlocks',
    access: 'viewer',
    scope: 'unlocks:read',
    summary: 'Unlock definitions',
    upstream: { service: 'unlock-engine', method: 'GET', path: '/unlocks' },
  },
  eligibility: {
    id: 'unlocks.eligibility',
    method: 'GET',
    path: '/api/unlocks/eligibility',
    tag: 'unlocks',
    access: 'viewer',
    scope: 'unlocks:read',
    summary: "A wallet's progress towards every unlock",
    query: addressQuery,
    cache: 'eligibility',
    upstream: { service: 'unlock-engine', method: 'GET', path: '/eligibility/{address}' },
  },
  unlock: {
    id: 'unlocks.get',
    method: 'GET',
    path: '/api/unlocks/:id',
    tag: 'unlocks',
    access: 'viewer',
    scope: 'unlocks:read',
    summary: 'One unlock definition',
    params: idParams,
    upstream: { service: 'unlock-engine', method: 'GET', path: '/unlocks/{id}' },
  },
  ceremony: {
    id: 'unlocks.ceremony',
    method: 'GET',
    path: '/api/unlocks/:id/ceremony',
    tag: 'unlocks',
    access: 'viewer',
    scope: 'unlocks:read',
    summary: "An achieved unlock's ceremony for a wallet",
    params: idParams,
    query: addressQuery,
    upstream: { service: 'unlock-engine', method: 'GET', path: '/unlocks/{id}/ceremony', query: ['address'] },
  },
  createUnlock: {
    id: 'unlocks.create',
    method: 'POST',
    path: '/api/admin/unlocks',
    tag: 'admin',
    access: 'admin',
    scope: 'unlocks:write',
    summary: 'Create an unlock definition',
    status: 201,
    body: z.object({ id: idSchema, requirements: z.object({}).passthrough() }).passthrough(),
    upstream: { service: 'unlock-engine', method: 'POST', path: '/unlocks' },
  },
  updateUnlock: {
    id: 'unlocks.update',
    method: 'PUT',
    path: '/api/admin/unlocks/:id',
    tag: 'admin',
    access: 'admin',
    scope: 'unlocks:write',
    summary: 'Update an unlock definition (a new version)',
    params: idParams,
    body: z.object({ requirements: z.object({}).passthrough() }).passthrough(),
    upstream: { service: 'unlock-engine', method: 'PUT', path: '/unlocks/{id}' },
  },
  deactivateUnlock: {
    id: 'unlocks.deactivate',
    method: 'POST',
    path: '/api/admin/unlocks/:id/deactivate',
    tag: 'admin',
    access: 'admin',
    scope: 'unlocks:write',
    summary: 'Deactivate an unlock definition',
    params: idParams,
    upstream: { service: 'unlock-engine', method: 'POST', path: '/unlocks/{id}/deactivate' },
  },
  markets: {
    id: 'markets.list',
    method: 'GET',
    path: '/markets',
    tag: 'markets',
    access: 'viewer',
    scope: 'markets:read',
    summary: 'Opinion markets',
    query: pageQuery,
    upstream: { service: 'oracle', method: 'GET', path: '/markets', query: ['limit', 'cursor'] },
  },
  market: {
    id: 'markets.get',
    method: 'GET',
    path: '/markets/:id',
    tag: 'markets',
    access: 'viewer',
    scope: 'markets:read',
    summary: 'One market with its settlement state',
    params: idParams,
    upstream: { service: 'oracle', method: 'GET', path: '/markets/{id}' },
  },
  createMarket: {
    id: 'markets.create',
    method: 'POST',
    path: '/markets',
    tag: 'markets',
    access: 'operator',
    scope: 'markets:write',
    summary: 'Open a market',
    status: 201,
    body: z.object({ question: z.string().min(1).max(1_000), closesAt: isoTime }).passthrough(),
    upstream: { service: 'oracle', method: 'POST', path: '/markets' },
  },
  stake: {
    id: 'markets.stake',
    method: 'POST',
    path: '/markets/:id/stake',
    tag: 'markets',
    access: 'viewer',
    scope: 'markets:write',
    summary: 'Stake an opinion, signed by the staking wallet (a viewer only for itself)',
    status: 201,
    params: idParams,
    ownWallet: { in: 'body', field: 'wallet' },
    body: z
      .object({
        wallet: addressSchema,
        opinion: z.string().min(1).max(2_000),
        amount: uintString,
        signature: hexSchema,
      })
      .strict(),
    upstream: { service: 'oracle', method: 'POST', path: '/markets/{id}/opinions' },
  },
  portfolio: {
    id: 'markets.portfolio',
    method: 'GET',
    path: '/user/:wallet',
    tag: 'markets',
    access: 'viewer',
    scope: 'markets:read',
    summary: "A wallet's positions and payouts",
    params: walletParams,
    upstream: { service: 'oracle', method: 'GET', path: '/wallets/{wallet}/portfolio' },
  },
  alerts: {
    id: 'alerts.list',
    method: 'GET',
    path: '/api/operator/alerts',
    tag: 'operator',
    access: 'operator',
    scope: 'alerts:read',
    summary: 'Active alerts (Alertmanager API v2)',
    upstream: { service: 'alert-router', method: 'GET', path: '/api/v2/alerts' },
  },
  ackAlert: {
    id: 'alerts.ack',
    method: 'POST',
    path: '/api/operator/alerts/ack',
    tag: 'operator',
    access: 'operator',
    scope: 'alerts:write',
    summary: 'Acknowledge an alert group: stops its escalation, pauses repeats, acknowledges it in PagerDuty',
    body: z
      .object({
        groupKey: z.string().min(1).max(2_000),
        ackedBy: z.string().min(1).max(200),
        comment: z.string().max(2_000).optional(),
      })
      .strict(),
    upstream: { service: 'alert-router', method: 'POST', path: '/api/v1/acknowledgements' },
  },
  alertHistory: {
    id: 'alerts.history',
    method: 'GET',
    path: '/api/operator/alerts/history',
    tag: 'operator',
    access: 'operator',
    scope: 'alerts:read',
    summary: 'Alert history, newest first (filter by fingerprint, status and time)',
    query: z
      .object({
        fingerprint: z
          .string()
          .regex(/^[0-9a-f]{16}$/, 'must be 16 hex chars')
          .optional(),
        status: z.enum(['firing', 'resolved']).optional(),
        from: isoTime.optional(),
        to: isoTime.optional(),
        limit: z.coerce.number().int().min(1).max(1_000).optional(),
      })
      .strict(),
    upstream: {
      service: 'alert-router',
      method: 'GET',
      path: '/api/v1/history/alerts',
      query: ['fingerprint', 'status', 'from', 'to', 'limit'],
    },
  },
  silences: {
    id: 'silences.list',
    method: 'GET',
    path: '/api/operator/silences',
    tag: 'operator',
    access: 'operator',
    scope: 'alerts:read',
    summary: 'Silences (Alertmanager API v2)',
    upstream: { service: 'alert-router', method: 'GET', path: '/api/v2/silences' },
  },
  createSilence: {
    id: 'silences.create',
    method: 'POST',
    path: '/api/operator/silences',
    tag: 'operator',
    access: 'operator',
    scope: 'alerts:write',
    summary: 'Create or edit a silence (Alertmanager API v2)',
    body: z
      .object({
        matchers: z
          .array(z.object({ name: z.string().min(1), value: z.string(), isRegex: z.boolean() }).passthrough())
          .min(1),
        startsAt: isoTime,
        endsAt: isoTime,
        createdBy: z.string().min(1),
        comment: z.string().min(1),
      })
      .passthrough(),
    upstream: { service: 'alert-router', method: 'POST', path: '/api/v2/silences' },
  },
  expireSilence: {
    id: 'silences.expire',
    method: 'DELETE',
    path: '/api/operator/silences/:id',
    tag: 'operator',
    access: 'operator',
    scope: 'alerts:write',
    summary: 'Expire a silence',
    params: z.object({ id: z.string().uuid('must be a UUID') }).strict(),
    upstream: { service: 'alert-router', method: 'DELETE', path: '/api/v2/silence/{id}' },
  },
  settlements: {
    id: 'settlements.list',
    method: 'GET',
    path: '/api/operator/settlements',
    tag: 'operator',
    access: 'operator',
    scope: 'settlements:read',
    summary: 'The settlement queue',
    query: pageQuery,
    upstream: { service: 'oracle', method: 'GET', path: '/settlements', query: ['limit', 'cursor'] },
  },
  llmUsage: {
    id: 'llm.usage',
    method: 'GET',
    path: '/api/operator/llm/usage',
    tag: 'operator',
    access: 'operator',
    scope: 'llm:read',
    summary: 'LLM calls, spend today and this month against the budget',
    upstream: { service: 'oracle', method: 'GET', path: '/llm/usage' },
  },
  indexerStatus: {
    id: 'indexer.status',
    method: 'GET',
    path: '/api/operator/indexer/status',
    tag: 'operator',
    access: 'operator',
    scope: 'indexer:read',
    summary:
      "Per EVM chain: state, head, indexed block, lag, RPC endpoints (the chain-indexer's GET /chains)",
    upstream: { service: 'chain-indexer', method: 'GET', path: '/chains' },
  },
} as const satisfies Record<string, RouteDefinition>;

/** Every route, as served, documented and access-checked. */
export const routeTable: readonly RouteDefinition[] = [
  ...Object.values(identityRoutes),
  ...Object.values(gatewayRoutes),
  ...Object.values(forwardedRoutes),
];
