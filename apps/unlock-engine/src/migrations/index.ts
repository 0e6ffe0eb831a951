import { MessagingTables1763769600000, messagingEntities } from '@convergence/messaging';
import { WalletActivityEntity } from '../activity/wallet-activity.entity';
import { InterpretationEntity } from '../ceremony/interpretation.entity';
import { AchievementEntity } from '../eligibility/achievement.entity';
import { ChainCursorEntity } from '../projection/chain-cursor.entity';
import { ChainEventEntity } from '../projection/chain-event.entity';
import { NftOwnershipEntity } from '../projection/nft-ownership.entity';
import { OrphanedBlockEntity } from '../projection/orphaned-block.entity';
import { WalletBalanceEntity } from '../projection/wallet-balance.entity';
import { WalletReconciliationEntity } from '../reconciliation/wallet-reconciliation.entity';
import { ReevaluationJobEntity } from '../reevaluation/reevaluation-job.entity';
import { SolanaBalanceEntity } from '../solana/solana-balance.entity';
import { SolanaEventEntity } from '../solana/solana-event.entity';
import { UnlockVersionEntity } from '../unlocks/unlock-version.entity';
import { UnlockEntity } from '../unlocks/unlock.entity';
import { WalletActivity1763769700000 } from './1763769700000-wallet-activity';
import { ProfilesAndUnlocks1763770000000 } from './1763770000000-profiles-and-unlocks';
import { BatchWriteCosts1763800000000 } from './1763800000000-batch-write-costs';
import { ReevaluationTrace1763810000000 } from './1763810000000-reevaluation-trace';
import { SolanaHoldings1763820000000 } from './1763820000000-solana-holdings';
import { OrphanFlips1763830000000 } from './1763830000000-orphan-flips';

/** Applied in order at boot, in schema `unlock_engine` (or DATABASE_SCHEMA). */
export const migrations = [
  MessagingTables1763769600000,
  WalletActivity1763769700000,
  ProfilesAndUnlocks1763770000000,
  BatchWriteCosts1763800000000,
  ReevaluationTrace1763810000000,
  SolanaHoldings1763820000000,
  OrphanFlips1763830000000,
];

/** Every entity of the service; `unlock-engine` boot tests check the migrations above create exactly these. */
export const entities = [
  ...messagingEntities,
  WalletActivityEntity,
  ChainEventEntity,
  WalletBalanceEntity,
  NftOwnershipEntity,
  OrphanedBlockEntity,
  ChainCursorEntity,
  UnlockEntity,
  UnlockVersionEntity,
  AchievementEntity,
  InterpretationEntity,
  WalletReconciliationEntity,
  ReevaluationJobEntity,
  SolanaEventEntity,
  SolanaBalanceEntity,
];
