import { endpoints } from './gateway-endpoints';
import { errorOfResponse } from './gateway-error.util';

describe(errorOfResponse.name, () => {
  it('names the role a 403 needs and what the gateway said', () => {
    const error = errorOfResponse(endpoints.createKey, 403, {
      type: 'urn:convergence:auth:role-too-low',
      title: 'forbidden',
      status: 403,
      detail: 'needs role admin, the caller is operator',
    });
    expect(error.code).toBe('forbidden');
    expect(error.message).toBe(
      'POST /api/admin/api-keys needs an API key with role admin; the gateway answered 403: forbidden: needs role admin, the caller is operator',
    );
  });

  it('tells how to give a key on 401', () => {
    const error = errorOfResponse(endpoints.deadLetters, 401, {
      title: 'unauthorized',
      detail: 'unknown API key',
    });
    expect(error.code).toBe('unauthorized');
    expect(error.message).toContain(
      'needs an API key with role operator (set CONVERGENCE_API_KEY or --api-key)',
    );
    expect(error.message).toContain('unknown API key');
  });

  it('prints field errors of a validation problem', () => {
    const error = errorOfResponse(endpoints.reindex, 400, {
      title: 'bad request',
      detail: 'invalid body',
      errors: [{ field: 'fromBlock', message: 'must be a whole number as a string' }],
    });
    expect(error.code).toBe('rejected');
    expect(error.message).toBe(
      'POST /api/operator/indexer/reindex failed with 400: bad request: invalid body\n  - fromBlock: must be a whole number as a string',
    );
  });

  it('shows the start of a body that is not a problem', () => {
    expect(errorOfResponse(endpoints.health, 502, '<html>bad gateway</html>').message).toBe(
      'GET /health failed with 502: <html>bad gateway</html>',
    );
  });
});
