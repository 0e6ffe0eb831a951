import { MessagingTables1763769600000, messagingEntities } from '@convergence/messaging';
import { WalletActivityEntity } from '../activity/wallet-activity.entity';
import { WalletActivity1763769700000 } from './1763769700000-wallet-activity';

/** Applied in order at boot, in schema `unlock_engine` (or DATABASE_SCHEMA). */
export const migrations = [MessagingTables1763769600000, WalletActivity1763769700000];

/** Every entity of the service; `unlock-engine` boot tests check the migrations above create exactly these. */
export const entities = [...messagingEntities, WalletActivityEntity];
