import { batchAddresses } from './address-batch.util';

const address = (n: number): string => `0x${n.toString(16).padStart(40, '0')}`;

describe(batchAddresses.name, () => {
  it('splits the addresses into batches of at most maxPerCall, in order', () => {
    const addresses = [1, 2, 3, 4, 5].map(address);
    expect(batchAddresses(addresses, 2)).toEqual([
      [address(1), address(2)],
      [address(3), address(4)],
      [address(5)],
    ]);
  });

  it('drops duplicates that differ only in case, keeping the first spelling', () => {
    const checksummed = '0xAbCdEf0000000000000000000000000000000001';
    expect(batchAddresses([checksummed, checksummed.toLowerCase(), address(2)], 10)).toEqual([
      [checksummed, address(2)],
    ]);
  });

  it('gives no batch at all for no addresses, never one empty filter', () => {
    expect(batchAddresses([], 5)).toEqual([]);
  });

  it('refuses a batch size below one', () => {
    expect(() => batchAddresses([address(1)], 0)).toThrow(RangeError);
    expect(() => batchAddresses([address(1)], 1.5)).toThrow(RangeError);
  });
});
