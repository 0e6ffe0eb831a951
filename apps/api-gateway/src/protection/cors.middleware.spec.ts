import { corsHeadersOf } from './cors.middleware';

describe('corsHeadersOf', () => {
  it('allows a listed origin by name', () => {
    expect(corsHeadersOf(['https://app.example'], 'https://app.example')).toMatchObject({
      'Access-Control-Allow-Origin': 'https://app.example',
      Vary: 'Origin',
    });
  });

  it('answers * for any origin when the list holds *', () => {
    expect(corsHeadersOf(['*'], 'https://other.example')?.['Access-Control-Allow-Origin']).toBe('*');
  });

  it('sends nothing for an origin not listed, or no origin', () => {
    expect(corsHeadersOf(['https://app.example'], 'https://evil.example')).toBeUndefined();
    expect(corsHeadersOf(['*'], undefined)).toBeUndefined();
    expect(corsHeadersOf([], 'https://app.example')).toBeUndefined();
  });
});
