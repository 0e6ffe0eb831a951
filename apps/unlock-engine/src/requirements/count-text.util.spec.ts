import { countText } from './count-text.util';

describe(countText.name, () => {
  it('uses the singular for exactly one', () => {
    expect(countText(1, 'vote')).toBe('1 vote');
    expect(countText(1n, 'day')).toBe('1 day');
  });

  it('uses the plural for zero and for more than one', () => {
    expect(countText(0, 'proposal')).toBe('0 proposals');
    expect(countText('12', 'Covenant NFT')).toBe('12 Covenant NFTs');
  });
});
