import type { Role } from '../../routes/route.model';

/**
 * The role a wallet gets at sign-in: ADMIN_WALLETS and OPERATOR_WALLETS decide (so removing a wallet
 * from the list takes effect at its next sign-in); every other wallet is a viewer.
 */
export function roleOfWallet(
  wallet: string,
  lists: { admins: readonly string[]; operators: readonly string[] },
): Role {
  const w = wallet.toLowerCase();
  if (lists.admins.includes(w)) return 'admin';
  if (lists.operators.includes(w)) return 'operator';
  return 'viewer';
}
