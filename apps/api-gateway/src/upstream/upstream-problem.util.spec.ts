import { problemFromUpstream } from './upstream-problem.util';

const json = (status: number, body: unknown) => ({
  status,
  contentType: 'application/problem+json',
  body: Buffer.from(JSON.stringify(body)),
});

describe(problemFromUpstream.name, () => {
  it("keeps a 4xx's status, title, detail and field errors", () => {
    const error = problemFromUpstream(
      'unlock-engine',
      json(404, {
        type: 'about:blank',
        title: 'not found',
        detail: 'unlock "gold" does not exist',
        errors: [{ field: 'id', message: 'unknown' }],
      }),
    );
    expect(error.getStatus()).toBe(404);
    expect(error.getResponse()).toEqual({
      type: 'about:blank',
      title: 'not found',
      detail: 'unlock "gold" does not exist',
      errors: [{ field: 'id', message: 'unknown' }],
    });
  });

  it('turns a 5xx into a 502 that reveals nothing of the owner', () => {
    const error = problemFromUpstream('oracle', json(500, { detail: 'pg: password authentication failed' }));
    expect(error.getStatus()).toBe(502);
    expect(JSON.stringify(error.getResponse())).not.toContain('password');
  });

  it('describes a 4xx without a JSON body', () => {
    const error = problemFromUpstream('oracle', {
      status: 409,
      contentType: 'text/plain',
      body: Buffer.from('conflict'),
    });
    expect(error.getResponse()).toEqual({ detail: 'oracle answered 409' });
  });
});
