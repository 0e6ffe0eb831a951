import { runInNewContext } from 'node:vm';
import { errorMessageOf, errorMessageWithCauseOf } from './error-message.util';

describe(errorMessageOf.name, () => {
  it('reads the message of an error from another realm', () => {
    const foreign = runInNewContext('new Error("from elsewhere")') as unknown;
    expect(foreign instanceof Error).toBe(false);
    expect(errorMessageOf(foreign)).toBe('from elsewhere');
  });

  it('stringifies what is not an error', () => {
    expect(errorMessageOf('boom')).toBe('boom');
    expect(errorMessageOf(null)).toBe('null');
  });
});

describe(errorMessageWithCauseOf.name, () => {
  it('appends the cause, as fetch hides the socket error there', () => {
    const error = new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED 127.0.0.1:9') });
    expect(errorMessageWithCauseOf(error)).toBe('fetch failed: connect ECONNREFUSED 127.0.0.1:9');
    expect(errorMessageWithCauseOf(new Error('plain'))).toBe('plain');
  });
});
