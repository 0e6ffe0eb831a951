import { roleOfWallet } from './role-of-wallet.util';

const admin = '0x' + 'a'.repeat(40);
const operator = '0x' + 'b'.repeat(40);

describe(roleOfWallet.name, () => {
  const lists = { admins: [admin], operators: [operator, admin] };

  it('gives admin precedence over operator', () => {
    expect(roleOfWallet(admin, lists)).toBe('admin');
  });

  it('matches wallets in any letter case', () => {
    expect(roleOfWallet(operator.toUpperCase().replace('0X', '0x'), lists)).toBe('operator');
  });

  it('makes every other wallet a viewer', () => {
    expect(roleOfWallet('0x' + 'c'.repeat(40), lists)).toBe('viewer');
  });
});
