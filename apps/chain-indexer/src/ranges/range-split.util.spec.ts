import { InvalidParamsRpcError, RpcRequestError } from 'viem';
import { blockCountOf } from './block-range.model';
import { splitRangeOnError } from './range-split.util';

const wrapped = (message: string): InvalidParamsRpcError =>
  new InvalidParamsRpcError(
    new RpcRequestError({
      body: { method: 'eth_getLogs' },
      error: { code: -32602, message },
      url: 'https://rpc.example',
    }),
  );
const alchemyWith = (from: string, to: string): Error =>
  wrapped(
    'Log response size exceeded. You can make eth_getLogs requests with up to a 2K block range and no limit ' +
      'on the response size, or you can request any block range with a cap of 10K logs in the response. ' +
      `Based on your parameters, this block range should work: [${from}, ${to}]`,
  );

describe(splitRangeOnError.name, () => {
  it('cuts after the range Alchemy suggests and keeps the rest for later', () => {
    expect(splitRangeOnError({ from: 256n, to: 2_000n }, alchemyWith('0x100', '0x1ff'))).toEqual({
      kind: 'split',
      reason: 'suggested-range',
      ranges: [
        { from: 256n, to: 511n },
        { from: 512n, to: 2_000n },
      ],
      suggestedBlocks: 256n,
    });
  });

  it('halves instead when the suggested range does not start where the failed one did', () => {
    const split = splitRangeOnError({ from: 0n, to: 99n }, alchemyWith('0x100', '0x1ff'));
    expect(split).toEqual({
      kind: 'split',
      reason: 'suggested-range',
      ranges: [
        { from: 0n, to: 49n },
        { from: 50n, to: 99n },
      ],
    });
  });

  it("cuts at the provider's stated cap and reports the cap", () => {
    expect(
      splitRangeOnError({ from: 1n, to: 25_000n }, wrapped('eth_getLogs is limited to a 10,000 range')),
    ).toEqual({
      kind: 'split',
      reason: 'max-block-range',
      ranges: [
        { from: 1n, to: 10_000n },
        { from: 10_001n, to: 25_000n },
      ],
      maxBlocks: 10_000n,
    });
  });

  it('halves when the stated cap is not below the failed range (a provider counting differently)', () => {
    const split = splitRangeOnError({ from: 0n, to: 4_999n }, wrapped('exceed maximum block range: 5000'));
    expect(split).toMatchObject({
      kind: 'split',
      ranges: [
        { from: 0n, to: 2_499n },
        { from: 2_500n, to: 4_999n },
      ],
    });
    expect(split).not.toHaveProperty('maxBlocks');
  });

  it('halves on too many results, leaving the first half no bigger than the second', () => {
    const split = splitRangeOnError(
      { from: 10n, to: 20n },
      wrapped('query returned more than 10000 results'),
    );
    expect(split).toEqual({
      kind: 'split',
      reason: 'too-many-results',
      ranges: [
        { from: 10n, to: 15n },
        { from: 16n, to: 20n },
      ],
    });
  });

  it('splits a two-block range into two single blocks', () => {
    expect(splitRangeOnError({ from: 7n, to: 8n }, wrapped('block range is too large'))).toMatchObject({
      ranges: [
        { from: 7n, to: 7n },
        { from: 8n, to: 8n },
      ],
    });
  });

  it('calls a single block that still fails unsplittable', () => {
    expect(
      splitRangeOnError({ from: 7n, to: 7n }, wrapped('query returned more than 10000 results')),
    ).toEqual({
      kind: 'unsplittable',
      reason: 'too-many-results',
      range: { from: 7n, to: 7n },
    });
  });

  it('leaves errors that are not about the range to the caller', () => {
    expect(splitRangeOnError({ from: 0n, to: 99n }, wrapped('header not found'))).toEqual({
      kind: 'not-a-range-error',
    });
  });

  it('always returns two non-empty consecutive ranges covering the failed one', () => {
    const errors = [
      wrapped('query returned more than 10000 results'),
      wrapped('eth_getLogs is limited to a 1,000 range'),
      alchemyWith('0x0', '0x1'),
    ];
    for (let to = 1n; to < 40n; to++) {
      for (const error of errors) {
        const split = splitRangeOnError({ from: 0n, to }, error);
        if (split.kind !== 'split') throw new Error(`expected a split for [0, ${to}]`);
        const [first, second] = split.ranges;
        expect(first.from).toBe(0n);
        expect(second.from).toBe(first.to + 1n);
        expect(second.to).toBe(to);
        expect(blockCountOf(first) >= 1n && blockCountOf(second) >= 1n).toBe(true);
      }
    }
  });
});
