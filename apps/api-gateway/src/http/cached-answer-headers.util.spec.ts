import { jsonContentTypeOf, weakEtagOf } from './cached-answer-headers.util';

describe('jsonContentTypeOf', () => {
  it('adds the charset Express adds to a bare JSON type', () => {
    expect(jsonContentTypeOf('application/json')).toBe('application/json; charset=utf-8');
    expect(jsonContentTypeOf('')).toBe('application/json; charset=utf-8');
  });

  it('keeps a JSON type that names its charset', () => {
    expect(jsonContentTypeOf('application/json; charset=utf-8')).toBe('application/json; charset=utf-8');
  });

  it('leaves other media types to the full pipeline', () => {
    expect(jsonContentTypeOf('text/markdown; charset=utf-8')).toBeUndefined();
    expect(jsonContentTypeOf('application/problem+json')).toBeUndefined();
    expect(jsonContentTypeOf('application/jsonx')).toBeUndefined();
  });
});

describe('weakEtagOf', () => {
  it('is the etag package weak tag: W/"<length hex>-<27 chars of base64 SHA-1>"', () => {
    // SHA-1("hello world") = 2aae6c35c94fcfb415dbe95f408b9ce91ee846ed
    expect(weakEtagOf(Buffer.from('hello world'))).toBe('W/"b-Kq5sNclPz7QV2+lfQIuc6R7oRu0"');
  });
});
