import type { RequirementContext } from '../requirements/requirement.schema';
import { validateDefinitionUpdate, validateNewDefinition } from './unlock-definition.validation';

const context = (selfId: string): RequirementContext => ({
  tokens: ['TRUST'],
  knownUnlockIds: ['genesis'],
  selfId,
});
const ceremony = { steps: [{ kind: 'reveal', text: 'Welcome' }] };

describe(validateNewDefinition.name, () => {
  it('returns the typed definition when everything is valid', () => {
    const checked = validateNewDefinition(
      {
        id: 'holder',
        title: ' Holder ',
        requirements: { tokenBalance: { token: 'TRUST', min: '1' } },
        ceremony,
      },
      context,
    );
    expect(checked).toEqual({
      ok: true,
      value: {
        id: 'holder',
        title: 'Holder',
        description: '',
        requirements: { tokenBalance: { token: 'TRUST', min: '1' } },
        ceremony,
      },
    });
  });

  it('names every bad field, tree node and ceremony step at once', () => {
    const checked = validateNewDefinition(
      {
        id: 'Bad Id',
        title: 'x',
        requirements: { any: [] },
        ceremony: { steps: [{ kind: 'text', text: ' ' }] },
      },
      context,
    );
    expect(checked).toEqual({
      ok: false,
      errors: [
        { field: 'id', message: expect.stringContaining('lowercase letters') },
        { field: 'requirements.any', message: 'must not be empty' },
        { field: 'ceremony.steps[0].text', message: 'must not be blank' },
      ],
    });
  });
});

describe(validateDefinitionUpdate.name, () => {
  it('rejects an unknown unlock and an unknown field', () => {
    const checked = validateDefinitionUpdate(
      { title: 't', requirements: { unlock: { id: 'nope' } }, ceremony, id: 'x' },
      context('self'),
    );
    expect(checked).toEqual({
      ok: false,
      errors: [
        { field: '(body)', message: 'unknown field id' },
        { field: 'requirements.unlock.id', message: "unknown unlock 'nope'" },
      ],
    });
  });
});
