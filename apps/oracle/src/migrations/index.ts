import { MessagingTables1763769600000, messagingEntities } from '@convergence/messaging';
import { ChainBlockEntity } from '../chain/chain-block.entity';
import { ChainCursorEntity } from '../chain/chain-cursor.entity';
import { LlmCacheEntity } from '../llm/llm-cache.entity';
import { LlmCallEntity } from '../llm/llm-call.entity';
import { MarketEntity } from '../markets/market.entity';
import { OpinionEntity } from '../markets/opinion.entity';
import { StakeEntity } from '../markets/stake.entity';
import { SettlementJobEntity } from '../settlement/settlement-job.entity';
import { Oracle1763770000000 } from './1763770000000-oracle';
import { OracleLeasesReorgs1763780000000 } from './1763780000000-oracle-leases-reorgs';

/** Applied in order at boot, in schema `oracle` (or DATABASE_SCHEMA). */
export const migrations = [
  MessagingTables1763769600000,
  Oracle1763770000000,
  OracleLeasesReorgs1763780000000,
];

/** Every entity of the service; `oracle` boot tests check the migrations above create exactly these. */
export const entities = [
  ...messagingEntities,
  MarketEntity,
  StakeEntity,
  OpinionEntity,
  ChainCursorEntity,
  ChainBlockEntity,
  SettlementJobEntity,
  LlmCallEntity,
  LlmCacheEntity,
];
