import { otlpTracesUrl, requestPathOf } from './otlp-url.util';

describe('otlpTracesUrl', () => {
  it.each([
    ['http://jaeger:4318', 'http://jaeger:4318/v1/traces'],
    ['http://jaeger:4318/', 'http://jaeger:4318/v1/traces'],
    ['https://gateway.example/otel//', 'https://gateway.example/otel/v1/traces'],
    ['http://127.0.0.1:4318?tenant=a', 'http://127.0.0.1:4318/v1/traces?tenant=a'],
  ])('maps %s to %s', (base, expected) => {
    expect(otlpTracesUrl(base)).toBe(expected);
  });

  it('names a value that is not an http(s) URL', () => {
    expect(() => otlpTracesUrl('')).toThrow('otlpEndpoint is not a URL: ""');
    expect(() => otlpTracesUrl('jaeger:4318')).toThrow(
      'otlpEndpoint must be an http(s) URL such as http://jaeger:4318, got "jaeger:4318"',
    );
  });
});

describe('requestPathOf', () => {
  it.each([
    ['/health', '/health'],
    ['/health/', '/health'],
    ['/ready?verbose=1', '/ready'],
    ['/', '/'],
    [undefined, '/'],
  ])('reads %s as %s', (url, expected) => {
    expect(requestPathOf(url)).toBe(expected);
  });
});
