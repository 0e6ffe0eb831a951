import { walletsInvolved } from './wallets-involved.util';

const a = `0x${'Ab'.repeat(20)}`;
const b = `0x${'cd'.repeat(20)}`;

describe(walletsInvolved.name, () => {
  it('returns each address-valued argument once, lowercased', () => {
    expect(walletsInvolved({ from: a, to: b, spender: a, value: '10' })).toEqual([a.toLowerCase(), b]);
  });

  it('leaves out the zero address, non-addresses and nested values', () => {
    expect(walletsInvolved({ from: `0x${'0'.repeat(40)}`, to: b, id: '0x1234', list: [a] })).toEqual([b]);
  });
});
