import type { Ceremony } from '../requirements/ceremony.schema';
import type { Requirement } from '../requirements/requirement.schema';

/** The current version of an unlock definition, as evaluation and the API see it. */
export interface UnlockRule {
  readonly id: string;
  readonly version: number;
  readonly title: string;
  readonly description: string;
  readonly requirements: Requirement;
  readonly ceremony: Ceremony;
  readonly active: boolean;
}
