import { MessagingTables1763769600000, messagingEntities } from '@convergence/messaging';

/** Applied in order at boot, in schema `oracle` (or DATABASE_SCHEMA). */
export const migrations = [MessagingTables1763769600000];

/** Every entity of the service; `oracle` boot tests check the migrations above create exactly these. */
export const entities = [...messagingEntities];
