import { BadRequestException } from '@nestjs/common';
import { forwardedRoutes, identityRoutes } from './route-table';
import { validateInput } from './validate-input.util';

function problemOf(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(BadRequestException);
    return (error as BadRequestException).getResponse();
  }
  throw new Error('expected a 400');
}

describe(validateInput.name, () => {
  it('lowercases a valid address query', () => {
    const input = validateInput(forwardedRoutes.eligibility, {
      params: {},
      query: { address: '0x' + 'AB'.repeat(20) },
      body: undefined,
    });
    expect(input.query).toEqual({ address: '0x' + 'ab'.repeat(20) });
  });

  it('names the bad field of a query', () => {
    expect(
      problemOf(() =>
        validateInput(forwardedRoutes.eligibility, {
          params: {},
          query: { address: 'nope' },
          body: undefined,
        }),
      ),
    ).toEqual({
      title: 'invalid query',
      detail: 'address: must be a 0x-prefixed 20-byte hex address',
      errors: [{ field: 'address', message: 'must be a 0x-prefixed 20-byte hex address' }],
    });
  });

  it('refuses query fields a route does not take', () => {
    const problem = problemOf(() =>
      validateInput(forwardedRoutes.unlocks, { params: {}, query: { admin: 'true' }, body: undefined }),
    );
    expect(problem).toMatchObject({
      title: 'invalid query',
      errors: [{ field: '', message: expect.stringContaining("'admin'") }],
    });
  });

  it('names a missing body field', () => {
    expect(
      problemOf(() =>
        validateInput(identityRoutes.verify, { params: {}, query: {}, body: { message: 'x' } }),
      ),
    ).toMatchObject({
      errors: [{ field: 'signature', message: 'Required' }],
    });
  });
});
