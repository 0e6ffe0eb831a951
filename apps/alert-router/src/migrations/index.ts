import { MessagingTables1763769600000, messagingEntities } from '@convergence/messaging';
import { AcknowledgementEntity } from '../ack/acknowledgement.entity';
import { AlertHistoryEntity } from '../alert-store/alert-history.entity';
import { AlertEntity } from '../alert-store/alert.entity';
import { EscalationEntity } from '../escalation/escalation.entity';
import { NotificationLogEntity } from '../notification-log/notification-log.entity';
import { NotificationEntity } from '../notification-log/notification.entity';
import { SilenceEntity } from '../silence-store/silence.entity';
import { Alerts1763769800000 } from './1763769800000-alerts';
import { Silences1763769900000 } from './1763769900000-silences';
import { Dispatcher1763770000000 } from './1763770000000-dispatcher';

/** Applied in order at boot, in schema `alert_router` (or DATABASE_SCHEMA). */
export const migrations = [
  MessagingTables1763769600000,
  Alerts1763769800000,
  Silences1763769900000,
  Dispatcher1763770000000,
];

/** Every entity of the service; `alert-router` boot tests check the migrations above create exactly these. */
export const entities = [
  ...messagingEntities,
  AlertEntity,
  AlertHistoryEntity,
  SilenceEntity,
  NotificationLogEntity,
  NotificationEntity,
  AcknowledgementEntity,
  EscalationEntity,
];
