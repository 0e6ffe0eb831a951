import { allows, type RouteDefinition } from '../../routes/route.model';
import type { AuthErrorCode } from './auth.exception';
import type { Principal } from './principal';

/** Why a principal may not call a route, or null when it may. Pure: the guard turns it into a 401/403. */
export function denialOf(
  principal: Principal,
  route: Pick<RouteDefinition, 'access' | 'scope'>,
): { code: AuthErrorCode; detail: string } | null {
  if (route.access === 'public') return null;
  if (principal.kind === 'anonymous') {
    return {
      code: 'missing-credentials',
      detail: 'sign in (Authorization: Bearer <access token>) or send an x-api-key header',
    };
  }
  if (!allows(principal.role, route.access)) {
    return { code: 'role-too-low', detail: `needs role ${route.access}, the caller is ${principal.role}` };
  }
  if (
    principal.kind === 'api-key' &&
    !principal.scopes.includes('*') &&
    !principal.scopes.includes(route.scope)
  ) {
    return { code: 'scope-missing', detail: `the API key lacks scope ${route.scope}` };
  }
  return null;
}

/**
 * A viewer wallet may act only for itself on routes naming a wallet (`ownWallet`); operators, admins
 * and API keys may act for any wallet.
 */
export function ownWalletDenial(
  principal: Principal,
  wallet: string,
): { code: AuthErrorCode; detail: string } | null {
  if (principal.kind !== 'wallet' || principal.role !== 'viewer') return null;
  if (principal.wallet === wallet.toLowerCase()) return null;
  return { code: 'not-own-wallet', detail: `a viewer may act only for its own wallet ${principal.wallet}` };
}
