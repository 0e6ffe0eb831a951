import { endpointLabelOf } from './endpoint-label.util';

describe(endpointLabelOf.name, () => {
  it('keeps the priority index and host, never the path or query holding API keys', () => {
    expect(endpointLabelOf('https://eth-mainnet.g.alchemy.com/v2/SECRET?key=x', 0)).toBe(
      '0:eth-mainnet.g.alchemy.com',
    );
    expect(endpointLabelOf('http://127.0.0.1:8545', 1)).toBe('1:127.0.0.1:8545');
    expect(endpointLabelOf('not a url', 2)).toBe('2:invalid-url');
  });
});
