import { demoTokenAbi, opinionMarketAbi } from '@convergence/contracts';
import { abisByAddressOf } from './contract-abi.util';

const token = '0x5FbDB2315678afecb367f032d93F642f64180aa3';
const market = '0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512';

describe(abisByAddressOf.name, () => {
  it('keys the generated ABI of each contract by lower-case address', () => {
    const byAddress = abisByAddressOf([
      { address: token, contract: 'DemoToken' },
      { address: market, contract: 'OpinionMarket' },
    ]);
    expect(byAddress.get(token.toLowerCase())).toEqual({ contract: 'DemoToken', abi: demoTokenAbi });
    expect(byAddress.get(market.toLowerCase())).toEqual({ contract: 'OpinionMarket', abi: opinionMarketAbi });
    expect(byAddress.get(token)).toBeUndefined();
  });

  it('accepts the same address twice as the same contract, and refuses two contracts at one address', () => {
    expect(
      abisByAddressOf([
        { address: token, contract: 'DemoToken' },
        { address: token.toLowerCase(), contract: 'DemoToken' },
      ]).size,
    ).toBe(1);
    expect(() =>
      abisByAddressOf([
        { address: token, contract: 'DemoToken' },
        { address: token.toLowerCase(), contract: 'Covenant' },
      ]),
    ).toThrow(RangeError);
  });
});
