import { MessagingTables1763769600000, messagingEntities } from '@convergence/messaging';
import { AlertHistoryEntity } from '../alert-store/alert-history.entity';
import { AlertEntity } from '../alert-store/alert.entity';
import { SilenceEntity } from '../silence-store/silence.entity';
import { Alerts1763769800000 } from './1763769800000-alerts';
import { Silences1763769900000 } from './1763769900000-silences';

/** Applied in order at boot, in schema `alert_router` (or DATABASE_SCHEMA). */
export const migrations = [MessagingTables1763769600000, Alerts1763769800000, Silences1763769900000];

/** Every entity of the service; `alert-router` boot tests check the migrations above create exactly these. */
export const entities = [...messagingEntities, AlertEntity, AlertHistoryEntity, SilenceEntity];
