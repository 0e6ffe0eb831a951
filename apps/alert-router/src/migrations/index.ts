import { MessagingTables1763769600000, messagingEntities } from '@convergence/messaging';

/** Applied in order at boot, in schema `alert_router` (or DATABASE_SCHEMA). */
export const migrations = [MessagingTables1763769600000];

/** Every entity of the service; `alert-router` boot tests check the migrations above create exactly these. */
export const entities = [...messagingEntities];
