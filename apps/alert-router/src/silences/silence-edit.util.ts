import type { Matcher } from '../routing/matcher.model';
import { InvalidSilenceError } from './invalid-silence.error';
import type { Silence, SilenceChanges, SilenceDraft, SilenceEdit } from './silence.model';
import { silenceState } from './silence-state.util';
import { validateSilence } from './silence-validation.util';

/**
 * A new silence with id `id` (Alertmanager's `Silences.Set` without an id): starting now if it has
 * no start or a start in the past. Throws `InvalidSilenceError` if `validateSilence` objects.
 *
 * @example
 * createSilence({ matchers, endsAt, createdBy: 'ana', comment: 'maintenance' }, now, randomUUID())
 */
export function createSilence(draft: SilenceDraft, now: Date, id: string): Silence {
  if (id === '') throw new InvalidSilenceError(['ID missing']);
  const candidate = { ...draft, startsAt: draft.startsAt ?? now };
  assertValid(candidate);
  return { ...candidate, id, startsAt: latestOf(candidate.startsAt, now), updatedAt: now };
}

/**
 * The result of editing `existing` at `now`, by Alertmanager's `Silences.Set` and `canUpdate`:
 * - updated in place when the matchers are unchanged and either it is pending and still starts
 *   now or later, or it is active, keeps its start (to the second) and does not end in the past;
 * - otherwise replaced: the old one is expired now (kept as history) and a new one gets `newId`,
 *   starting no earlier than now — an active silence whose matchers or start change goes this way;
 * - an already expired silence cannot be edited: it stays as it is, and a new one gets `newId`.
 * Throws `InvalidSilenceError` if the edited silence would be invalid.
 *
 * @example
 * const edit = editSilence(stored, { endsAt: tomorrow }, now, randomUUID());
 */
export function editSilence(
  existing: Silence,
  changes: SilenceChanges,
  now: Date,
  newId: string,
): SilenceEdit {
  const candidate: Silence = { ...existing, ...changes };
  assertValid(candidate);
  if (canUpdateInPlace(existing, candidate, now))
    return { kind: 'updated', silence: { ...candidate, updatedAt: now } };
  const silence = createSilence(candidate, now, newId);
  if (silenceState(existing, now) === 'expired') return { kind: 'recreated', silence };
  return { kind: 'replaced', silence, expired: expireSilence(existing, now) };
}

/**
 * The silence expired at `now` (Alertmanager's `expire`): an active one ends now, a pending one
 * starts and ends now, an expired one is returned unchanged.
 *
 * @example
 * await repo.save(expireSilence(stored, now));
 */
export function expireSilence(silence: Silence, now: Date): Silence {
  switch (silenceState(silence, now)) {
    case 'expired':
      return silence;
    case 'active':
      return { ...silence, endsAt: now, updatedAt: now };
    case 'pending':
      return { ...silence, startsAt: now, endsAt: now, updatedAt: now };
  }
}

/**
 * Whether `existing` can become `candidate` without rewriting history (Alertmanager's `canUpdate`).
 *
 * @example
 * canUpdateInPlace(active, { ...active, endsAt: later }, now) // true
 */
export function canUpdateInPlace(
  existing: Pick<Silence, 'matchers' | 'startsAt' | 'endsAt'>,
  candidate: Pick<Silence, 'matchers' | 'startsAt' | 'endsAt'>,
  now: Date,
): boolean {
  if (!sameMatchers(existing.matchers, candidate.matchers)) return false;
  switch (silenceState(existing, now)) {
    case 'active':
      return (
        unixSeconds(candidate.startsAt) === unixSeconds(existing.startsAt) &&
        candidate.endsAt.getTime() >= now.getTime()
      );
    case 'pending':
      return candidate.startsAt.getTime() >= now.getTime();
    case 'expired':
      return false;
  }
}

function assertValid(silence: Pick<Silence, 'matchers' | 'startsAt' | 'endsAt'>): void {
  const problems = validateSilence(silence);
  if (problems.length > 0) throw new InvalidSilenceError(problems);
}

// Alertmanager compares matcher lists in order (reflect.DeepEqual), so reordering is a change.
function sameMatchers(a: readonly Matcher[], b: readonly Matcher[]): boolean {
  return (
    a.length === b.length &&
    a.every((m, i) => m.type === b[i]?.type && m.name === b[i]?.name && m.value === b[i]?.value)
  );
}

function unixSeconds(date: Date): number {
  return Math.floor(date.getTime() / 1000);
}

function latestOf(a: Date, b: Date): Date {
  return a.getTime() >= b.getTime() ? a : b;
}
