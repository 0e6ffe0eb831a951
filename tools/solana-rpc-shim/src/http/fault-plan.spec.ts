import { FaultPlan } from './fault-plan';

const reset = { kind: 'reset' } as const;
const limited = { kind: 'http-status', status: 429, retryAfter: '1' } as const;

describe(FaultPlan.name, () => {
  it('applies a rule as many times as asked, then answers normally', () => {
    const plan = new FaultPlan();
    plan.add({ fault: reset, times: 2 });
    expect([plan.take(['getSlot']), plan.take(['getSlot']), plan.take(['getSlot'])]).toEqual([
      reset,
      reset,
      undefined,
    ]);
  });

  it('only touches the methods a rule names', () => {
    const plan = new FaultPlan();
    plan.add({ fault: limited, methods: ['getTransaction'] });
    expect(plan.take(['getSlot'])).toBeUndefined();
    expect(plan.take(['getSlot', 'getTransaction'])).toBe(limited);
  });

  it('keeps a rule without a count until cleared, first rule first', () => {
    const plan = new FaultPlan();
    plan.add({ fault: limited, times: 1 });
    plan.add({ fault: reset });
    expect(plan.take(['x'])).toBe(limited);
    expect(plan.take(['x'])).toBe(reset);
    expect(plan.take(['x'])).toBe(reset);
    plan.clear();
    expect(plan.take(['x'])).toBeUndefined();
  });
});
