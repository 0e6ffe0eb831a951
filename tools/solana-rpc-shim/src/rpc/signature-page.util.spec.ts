import { JsonRpcError } from './json-rpc.error';
import { signaturePageOf } from './signature-page.util';

const list = ['f', 'e', 'd', 'c', 'b', 'a'];
const page = (params: Parameters<typeof signaturePageOf>[2]) => signaturePageOf(list, (s) => s, params);

describe(signaturePageOf.name, () => {
  it('serves the newest first up to the limit', () => {
    expect(page({ limit: 2 })).toEqual(['f', 'e']);
  });

  it('starts after `before` and stops before `until`, both exclusive', () => {
    expect(page({ before: 'e', until: 'b' })).toEqual(['d', 'c']);
    expect(page({ before: 'e', until: 'b', limit: 1 })).toEqual(['d']);
  });

  it('is empty when `until` is at or above `before`', () => {
    expect(page({ before: 'c', until: 'e' })).toEqual([]);
  });

  it('ignores a signature it does not know', () => {
    expect(page({ before: 'zz', until: 'yy', limit: 3 })).toEqual(['f', 'e', 'd']);
  });

  it('refuses a limit outside 1..1000 with invalid params', () => {
    for (const limit of [0, 1_001, 1.5]) {
      expect(() => page({ limit })).toThrow(JsonRpcError);
      try {
        page({ limit });
      } catch (error) {
        expect((error as JsonRpcError).code).toBe(-32602);
      }
    }
  });
});
