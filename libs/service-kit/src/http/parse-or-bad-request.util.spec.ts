import { BadRequestException } from '@nestjs/common';
import { z } from 'zod';
import { parseOrBadRequest } from './parse-or-bad-request.util';

const schema = z.object({
  address: z.string().regex(/^0x[0-9a-f]{40}$/, 'must be an address'),
  limit: z.number().int(),
});

describe(parseOrBadRequest.name, () => {
  it('returns the parsed input', () => {
    expect(parseOrBadRequest(schema, { address: `0x${'a'.repeat(40)}`, limit: 5 }, 'bad')).toEqual({
      address: `0x${'a'.repeat(40)}`,
      limit: 5,
    });
  });

  it('throws a 400 whose errors name every bad field', () => {
    let error: unknown;
    try {
      parseOrBadRequest(schema, { address: 'nope' }, 'invalid query');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(BadRequestException);
    expect((error as BadRequestException).getResponse()).toEqual({
      title: 'invalid query',
      detail: 'address: must be an address; limit: Required',
      errors: [
        { field: 'address', message: 'must be an address' },
        { field: 'limit', message: 'Required' },
      ],
    });
  });
});
