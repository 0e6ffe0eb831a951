import { InvalidRequirementsError } from './invalid-requirements.error';

describe(InvalidRequirementsError.name, () => {
  it('lists every issue with its path in the message and is not retryable', () => {
    const error = new InvalidRequirementsError([
      { path: 'requirements.all[0].votes.min', message: 'must be a non-negative integer' },
      { path: 'requirements.all[1].any', message: 'must not be empty' },
    ]);
    expect(error.message).toBe(
      'invalid requirements: requirements.all[0].votes.min: must be a non-negative integer; requirements.all[1].any: must not be empty',
    );
    expect(error.name).toBe('InvalidRequirementsError');
    expect(error.retryable).toBe(false);
    expect(error).toBeInstanceOf(Error);
  });
});
