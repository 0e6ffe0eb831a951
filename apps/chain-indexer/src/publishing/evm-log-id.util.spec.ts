import { evmLogEventId } from './evm-log-id.util';

describe(evmLogEventId.name, () => {
  it('is chainId:blockHash:logIndex with the hash lowercased', () => {
    expect(evmLogEventId(31337, `0x${'AB'.repeat(32)}`, 4)).toBe(`31337:0x${'ab'.repeat(32)}:4`);
  });

  it('differs for the same log index on a different block', () => {
    expect(evmLogEventId(1, `0x${'01'.repeat(32)}`, 0)).not.toBe(evmLogEventId(1, `0x${'02'.repeat(32)}`, 0));
  });
});
