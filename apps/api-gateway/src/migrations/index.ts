import { MessagingTables1763769600000, messagingEntities } from '@convergence/messaging';

/** Applied in order at boot, in schema `api_gateway` (or DATABASE_SCHEMA). */
export const migrations = [MessagingTables1763769600000];

/** Every entity of the service; `api-gateway` boot tests check the migrations above create exactly these. */
export const entities = [...messagingEntities];
