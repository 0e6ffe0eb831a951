import { firstEscalationStep, nextEscalationStep } from './escalation-plan.util';

const t0 = new Date('2030-01-01T00:00:00Z');
const at = (ms: number) => new Date(t0.getTime() + ms);
const policy = {
  name: 'p',
  steps: [
    { receiver: 'lead', waitMs: 10 },
    { receiver: 'manager', waitMs: 20 },
  ],
  repeat: 1,
};

describe(firstEscalationStep.name, () => {
  it('runs the first step one wait after the first notification', () => {
    expect(firstEscalationStep(policy, t0)).toEqual({ step: 0, round: 0, at: at(10) });
  });
});

describe(nextEscalationStep.name, () => {
  it('goes to the next step after its wait', () => {
    expect(nextEscalationStep(policy, { step: 0, round: 0 }, at(10))).toEqual({
      step: 1,
      round: 0,
      at: at(30),
    });
  });

  it('starts another round after the last step while repeats remain', () => {
    expect(nextEscalationStep(policy, { step: 1, round: 0 }, at(30))).toEqual({
      step: 0,
      round: 1,
      at: at(40),
    });
  });

  it('ends after the last step of the last round', () => {
    expect(nextEscalationStep(policy, { step: 1, round: 1 }, at(60))).toBeUndefined();
    expect(nextEscalationStep({ ...policy, repeat: 0 }, { step: 1, round: 0 }, at(30))).toBeUndefined();
  });
});
