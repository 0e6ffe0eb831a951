import type { RouteDefinition } from '../../routes/route.model';
import { denialOf, ownWalletDenial } from './authorize.util';
import type { Principal } from './principal';

const wallet = (role: 'viewer' | 'operator' | 'admin'): Principal => ({
  kind: 'wallet',
  role,
  ip: '127.0.0.1',
  wallet: '0x' + 'a'.repeat(40),
  sessionId: 's',
});
const key = (scopes: string[]): Principal => ({
  kind: 'api-key',
  role: 'operator',
  ip: '127.0.0.1',
  keyId: 'k',
  prefix: 'cvg_x',
  scopes,
});
const route = (access: RouteDefinition['access'], scope = 'alerts:read') => ({ access, scope });

describe(denialOf.name, () => {
  it('lets anyone call a public route', () => {
    expect(denialOf({ kind: 'anonymous', role: 'public', ip: '::1' }, route('public'))).toBeNull();
  });

  it('asks an anonymous caller for credentials on any other route', () => {
    expect(denialOf({ kind: 'anonymous', role: 'public', ip: '::1' }, route('viewer'))?.code).toBe(
      'missing-credentials',
    );
  });

  it('orders roles viewer < operator < admin', () => {
    expect(denialOf(wallet('viewer'), route('operator'))?.code).toBe('role-too-low');
    expect(denialOf(wallet('operator'), route('operator'))).toBeNull();
    expect(denialOf(wallet('operator'), route('admin'))?.code).toBe('role-too-low');
    expect(denialOf(wallet('admin'), route('viewer'))).toBeNull();
  });

  it('holds an API key to its scopes, with * meaning every scope', () => {
    expect(denialOf(key(['alerts:read']), route('operator'))).toBeNull();
    expect(denialOf(key(['markets:read']), route('operator'))?.code).toBe('scope-missing');
    expect(denialOf(key(['*']), route('operator'))).toBeNull();
  });
});

describe(ownWalletDenial.name, () => {
  it('keeps a viewer to its own wallet, in any letter case', () => {
    expect(ownWalletDenial(wallet('viewer'), '0x' + 'A'.repeat(40))).toBeNull();
    expect(ownWalletDenial(wallet('viewer'), '0x' + 'b'.repeat(40))?.code).toBe('not-own-wallet');
  });

  it('lets operators act for any wallet', () => {
    expect(ownWalletDenial(wallet('operator'), '0x' + 'b'.repeat(40))).toBeNull();
  });
});
