import type { Hex } from 'viem';

/**
 * AccessControl role ids used by the demo contracts (`keccak256(name)`; the admin role is zero).
 * @example await token.write.grantRole([roles.MINTER_ROLE, minter]);
 */
export const roles = {
  DEFAULT_ADMIN_ROLE: '0x0000000000000000000000000000000000000000000000000000000000000000',
  PAUSER_ROLE: '0x65d7a28e3265b37a6474929f336521b332c1681b933f6cb9f3376673440d862a',
  MINTER_ROLE: '0x9f2df0fed2c77648de5860a4cc508cd0818c85b8b8a1ab4ceeef8d981c8956a6',
  ORACLE_ROLE: '0x68e79a7bf1e0bc45d0a330c573bc367f9cf464fd326078812f301165fbda4ef1',
} as const satisfies Record<string, Hex>;

export type RoleName = keyof typeof roles;
