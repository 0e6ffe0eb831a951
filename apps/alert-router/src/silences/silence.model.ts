import type { Matcher } from '../routing/matcher.model';

/** A silence (Alertmanager's `silencepb.Silence`): mutes alerts its matchers accept while active. */
export interface Silence {
  readonly id: string;
  readonly matchers: readonly Matcher[];
  readonly startsAt: Date;
  readonly endsAt: Date;
  readonly createdBy: string;
  readonly comment: string;
  /** When this version was written; Alertmanager keeps it to order concurrent versions. */
  readonly updatedAt: Date;
}

/** A silence as requested, before it has an id; without a start it starts now. */
export type SilenceDraft = Omit<Silence, 'id' | 'startsAt' | 'updatedAt'> & { readonly startsAt?: Date };

/** The fields an edit may change. */
export type SilenceChanges = Partial<
  Pick<Silence, 'matchers' | 'startsAt' | 'endsAt' | 'createdBy' | 'comment'>
>;

/** Alertmanager's silence states: not started yet, in force, or over. */
export type SilenceState = 'pending' | 'active' | 'expired';

/** The outcome of `editSilence`, following Alertmanager's `Silences.Set`. */
export type SilenceEdit =
  /** Changed in place, same id: the change does not rewrite history. */
  | { readonly kind: 'updated'; readonly silence: Silence }
  /** The old silence is expired now (kept as history) and a new one with a new id replaces it. */
  | { readonly kind: 'replaced'; readonly silence: Silence; readonly expired: Silence }
  /** The old silence had already expired and stays untouched; a new one with a new id is created. */
  | { readonly kind: 'recreated'; readonly silence: Silence };
