import { jsonSafeOf } from './json-safe.util';

describe(jsonSafeOf.name, () => {
  it('turns bigints into decimal strings, at any depth', () => {
    expect(jsonSafeOf({ value: 2n ** 255n, ids: [1n, [2n]], nested: { n: -5n } })).toEqual({
      value: (2n ** 255n).toString(),
      ids: ['1', ['2']],
      nested: { n: '-5' },
    });
  });

  it('keeps strings, booleans, safe numbers and null as they are', () => {
    expect(jsonSafeOf(['0xAbC', true, 255, null])).toEqual(['0xAbC', true, 255, null]);
  });

  it('writes bytes as hex and undefined as null', () => {
    expect(jsonSafeOf({ raw: new Uint8Array([1, 255]), missing: undefined })).toEqual({
      raw: '0x01ff',
      missing: null,
    });
  });

  it('gives a value that survives a JSON round trip unchanged', () => {
    const value = jsonSafeOf({ a: [1n, { b: 2n, c: 'x' }], d: false });
    expect(JSON.parse(JSON.stringify(value))).toEqual(value);
  });

  it('refuses what JSON cannot hold', () => {
    expect(() => jsonSafeOf(Number.NaN)).toThrow(TypeError);
    expect(() => jsonSafeOf(() => 1)).toThrow(TypeError);
    expect(() => jsonSafeOf(Symbol('s'))).toThrow(TypeError);
  });
});
