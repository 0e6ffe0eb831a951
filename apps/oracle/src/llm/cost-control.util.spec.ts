import { budgetDecision, budgetPeriodStarts } from './budget.util';
import { callCostUsd } from './llm-cost.util';
import { RateWindow } from './rate-window';

describe(callCostUsd.name, () => {
  const prices = { 'claude-sonnet-4-5': { inputPerMTok: 3, outputPerMTok: 15 } };

  it('prices input and output tokens per million', () => {
    expect(callCostUsd(prices, 'claude-sonnet-4-5', 1_000, 200)).toEqual({ costUsd: 0.006, priced: true });
  });

  it('records an unknown model at zero and says it is unpriced', () => {
    expect(callCostUsd(prices, 'claude-other', 1_000, 200)).toEqual({ costUsd: 0, priced: false });
  });
});

describe(budgetDecision.name, () => {
  const limits = { dailyAlertUsd: 25, monthlyBudgetUsd: 500 };

  it('allows calls under the cap and alerts past the daily threshold', () => {
    expect(budgetDecision({ todayUsd: 26, monthUsd: 100 }, limits)).toEqual({
      allowed: true,
      dailyAlert: true,
    });
    expect(budgetDecision({ todayUsd: 1, monthUsd: 100 }, limits)).toEqual({
      allowed: true,
      dailyAlert: false,
    });
  });

  it('stops calls once the month reached the cap', () => {
    expect(budgetDecision({ todayUsd: 0, monthUsd: 500 }, limits).allowed).toBe(false);
  });

  it('counts periods in UTC', () => {
    expect(budgetPeriodStarts(new Date('2026-03-31T23:59:00-05:00'))).toEqual({
      dayStart: new Date('2026-04-01T00:00:00Z'),
      monthStart: new Date('2026-04-01T00:00:00Z'),
    });
  });
});

describe(RateWindow.name, () => {
  it('grants `limit` requests per rolling minute, then says how long to wait', () => {
    const window = new RateWindow(2);
    expect(window.reserve(0)).toBe(0);
    expect(window.reserve(10_000)).toBe(0);
    expect(window.reserve(20_000)).toBe(40_000);
    expect(window.reserve(60_000)).toBe(0);
    expect(window.inWindow(60_000)).toBe(2);
  });
});
