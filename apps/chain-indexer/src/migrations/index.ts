import { MessagingTables1763769600000, messagingEntities } from '@convergence/messaging';
import { EvmCheckpointEntity } from '../checkpoints/evm-checkpoint.entity';
import { EvmRecentBlockEntity } from '../checkpoints/evm-recent-block.entity';
import { EvmCheckpoints1763770000000 } from './1763770000000-evm-checkpoints';
import { SolanaCheckpointEntity } from '../solana/checkpoint/solana-checkpoint.entity';
import { SolanaCheckpoints1763770100000 } from './1763770100000-solana-checkpoints';

/** Applied in order at boot, in schema `chain_indexer` (or DATABASE_SCHEMA). */
export const migrations = [
  MessagingTables1763769600000,
  EvmCheckpoints1763770000000,
  SolanaCheckpoints1763770100000,
];

/** Every entity of the service; `chain-indexer` boot tests check the migrations above create exactly these. */
export const entities = [
  ...messagingEntities,
  EvmCheckpointEntity,
  EvmRecentBlockEntity,
  SolanaCheckpointEntity,
];
