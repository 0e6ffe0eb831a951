import { MessagingTables1763769600000, messagingEntities } from '@convergence/messaging';

/** Applied in order at boot, in schema `chain_indexer` (or DATABASE_SCHEMA). */
export const migrations = [MessagingTables1763769600000];

/** Every entity of the service; `chain-indexer` boot tests check the migrations above create exactly these. */
export const entities = [...messagingEntities];
