import { BadRequestException, HttpException, NotFoundException } from '@nestjs/common';
import { toProblem } from './problem-details.filter';

describe(toProblem.name, () => {
  it('keeps the status and message of an HTTP exception', () => {
    expect(toProblem(new NotFoundException('unlock "gold" does not exist'), '/api/unlocks/gold')).toEqual({
      type: 'about:blank',
      title: 'not found',
      status: 404,
      detail: 'unlock "gold" does not exist',
      instance: '/api/unlocks/gold',
    });
  });

  it('passes field errors through so the client sees which field was wrong', () => {
    const problem = toProblem(
      new BadRequestException({
        title: 'invalid request',
        detail: 'address is invalid',
        errors: [{ field: 'address', message: 'must be a 0x-prefixed 20-byte hex address' }],
      }),
    );
    expect(problem.status).toBe(400);
    expect(problem.errors).toEqual([
      { field: 'address', message: 'must be a 0x-prefixed 20-byte hex address' },
    ]);
  });

  it('hides the message of an unexpected error behind a 500', () => {
    const problem = toProblem(new Error('connection string postgres://u:secret@db leaked'));
    expect(problem).toEqual({ type: 'about:blank', title: 'internal server error', status: 500 });
    expect(JSON.stringify(problem)).not.toContain('secret');
  });

  it('maps a custom status to its name', () => {
    expect(toProblem(new HttpException('slow down', 429)).title).toBe('too many requests');
  });
});
