/** The role a gateway route asks for (apps/api-gateway route table): named in 401/403 messages. */
export type GatewayRole = 'public' | 'operator' | 'admin';

/** One route of the gateway's operator API the CLI calls. */
export interface GatewayEndpoint {
  readonly method: 'GET' | 'POST' | 'DELETE';
  /** Path with `:name` parameters. */
  readonly path: string;
  readonly role: GatewayRole;
}

// The operator API's paths, in one place (they mirror apps/api-gateway/src/routes/route-table.ts).
export const endpoints = {
  health: { method: 'GET', path: '/health', role: 'public' },
  contracts: { method: 'GET', path: '/api/operator/contracts', role: 'operator' },
  pause: { method: 'POST', path: '/api/admin/contracts/pause', role: 'admin' },
  unpause: { method: 'POST', path: '/api/admin/contracts/unpause', role: 'admin' },
  grantRole: { method: 'POST', path: '/api/admin/roles/grant', role: 'admin' },
  revokeRole: { method: 'POST', path: '/api/admin/roles/revoke', role: 'admin' },
  checkRole: { method: 'GET', path: '/api/operator/roles/check', role: 'operator' },
  chainStatus: { method: 'GET', path: '/api/operator/indexer/chains/:chainId', role: 'operator' },
  reindex: { method: 'POST', path: '/api/operator/indexer/reindex', role: 'operator' },
  deadLetters: { method: 'GET', path: '/api/operator/dlq/:topic', role: 'operator' },
  replayDeadLetters: { method: 'POST', path: '/api/operator/dlq/:topic/replay', role: 'operator' },
  createKey: { method: 'POST', path: '/api/admin/api-keys', role: 'admin' },
  listKeys: { method: 'GET', path: '/api/admin/api-keys', role: 'admin' },
  revokeKey: { method: 'DELETE', path: '/api/admin/api-keys/:id', role: 'admin' },
  weeklyReport: { method: 'GET', path: '/api/operator/reports/weekly', role: 'operator' },
} as const satisfies Record<string, GatewayEndpoint>;

/**
 * The endpoint's path with its parameters filled in (URI-encoded).
 *
 * @example pathOf(endpoints.revokeKey, { id: 'a1' }) // '/api/admin/api-keys/a1'
 */
export function pathOf(endpoint: GatewayEndpoint, params: Record<string, string> = {}): string {
  return endpoint.path.replace(/:([a-zA-Z]+)/g, (_m, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`path parameter ${name} of ${endpoint.path} is missing`);
    return encodeURIComponent(value);
  });
}
