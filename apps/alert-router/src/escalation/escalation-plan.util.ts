import type { EscalationPolicy } from '../routing-config/routing-config.model';

/** The next step of an escalation to run: which step, in which round, and when. */
export interface EscalationPosition {
  readonly step: number;
  readonly round: number;
  readonly at: Date;
}

/**
 * Where an escalation starts when the group's first notification went out at `startedAt`: the
 * first step, one wait later.
 *
 * @example
 * firstEscalationStep({ steps: [{ receiver: 'lead', waitMs: 600_000 }], repeat: 0, name: 'p' }, t0) // { step: 0, round: 0, at: t0 + 10m }
 */
export function firstEscalationStep(policy: EscalationPolicy, startedAt: Date): EscalationPosition {
  return { step: 0, round: 0, at: new Date(startedAt.getTime() + waitOf(policy, 0)) };
}

/**
 * The step after the one just run at `ranAt`: the next step one wait later; after the last step,
 * the first step again while rounds remain (`repeat` extra rounds); otherwise undefined (done).
 *
 * @example
 * nextEscalationStep(policy, { step: 1, round: 0 }, now) // { step: 0, round: 1, at: now + steps[0].wait } when repeat ≥ 1
 */
export function nextEscalationStep(
  policy: EscalationPolicy,
  ran: { readonly step: number; readonly round: number },
  ranAt: Date,
): EscalationPosition | undefined {
  const step = ran.step + 1 < policy.steps.length ? ran.step + 1 : 0;
  const round = step === 0 ? ran.round + 1 : ran.round;
  if (round > policy.repeat) return undefined;
  return { step, round, at: new Date(ranAt.getTime() + waitOf(policy, step)) };
}

function waitOf(policy: EscalationPolicy, step: number): number {
  const found = policy.steps[step];
  if (!found) throw new Error(`escalation policy ${policy.name} has no step ${step}`);
  return found.waitMs;
}
