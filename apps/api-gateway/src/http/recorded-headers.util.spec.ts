import { securityHeaders } from '../protection/security-headers';
import { recordHeadersOf } from './recorded-headers.util';

describe('recordHeadersOf', () => {
  it("records helmet's headers as it sets them on an answer", () => {
    const headers = new Map(
      recordHeadersOf(securityHeaders).map(([name, value]) => [name.toLowerCase(), value]),
    );
    expect(headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    expect(headers.has('x-powered-by')).toBe(false);
  });

  it('refuses a middleware that does not pass the request on, or sets nothing', () => {
    expect(() => recordHeadersOf((_request, response) => void response.setHeader('x-a', '1'))).toThrow(
      'call next()',
    );
    expect(() => recordHeadersOf((_request, _response, next) => next(new Error('no')))).toThrow(
      'call next()',
    );
    expect(() => recordHeadersOf((_request, _response, next) => next())).toThrow('must set headers');
  });
});
