export interface BudgetLimits {
  dailyAlertUsd: number;
  monthlyBudgetUsd: number;
}

export interface BudgetDecision {
  /** False once this month's spend reached the cap: answer with the fallback instead. */
  allowed: boolean;
  /** Today's spend passed the alert threshold (calls continue). */
  dailyAlert: boolean;
}

/**
 * Whether another Claude call fits the budgets.
 * @example budgetDecision({ todayUsd: 26, monthUsd: 100 }, { dailyAlertUsd: 25, monthlyBudgetUsd: 500 })
 * // { allowed: true, dailyAlert: true }
 */
export function budgetDecision(
  spent: { todayUsd: number; monthUsd: number },
  limits: BudgetLimits,
): BudgetDecision {
  return {
    allowed: spent.monthUsd < limits.monthlyBudgetUsd,
    dailyAlert: spent.todayUsd > limits.dailyAlertUsd,
  };
}

/** Start of the UTC day and month containing `now`: the budget periods. */
export function budgetPeriodStarts(now: Date): { dayStart: Date; monthStart: Date } {
  return {
    dayStart: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate())),
    monthStart: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)),
  };
}
