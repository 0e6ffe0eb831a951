import type { WalletFacts } from '../requirements/evaluate-condition.util';

/** A wallet's live achievement of an unlock. */
export interface LiveAchievement {
  readonly id: string;
  readonly unlockId: string;
  readonly unlockVersion: number;
  readonly achievedAt: Date;
  readonly provisional: boolean;
}

/** Everything evaluation needs about one wallet: its facts with and without unconfirmed blocks. */
export interface WalletState {
  readonly wallet: string;
  /** Including unconfirmed blocks; `achievedUnlockIds` holds every live achievement. */
  readonly facts: WalletFacts;
  /** Confirmed blocks only; `achievedUnlockIds` holds the non-provisional achievements. */
  readonly confirmedFacts: WalletFacts;
  readonly achievements: ReadonlyMap<string, LiveAchievement>;
  /** Covenant NFT ids held (with unconfirmed blocks). */
  readonly nftIds: readonly string[];
}
