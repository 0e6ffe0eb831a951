import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { OutboxService } from '@convergence/messaging';
import { createEnvelope, topics } from '@convergence/schemas';
import { DataSource } from 'typeorm';
import { SERVICE_NAME } from '../config/env';
import type { NotificationLogEntry } from '../grouping/notification-log.model';
import type { DeliveryResult } from '../receivers';
import { type NotificationKind, NotificationEntity } from './notification.entity';
import { NotificationLogService } from './notification-log.service';

/** One integration's delivery, as the audit, the notification log and the topic record it. */
export interface DeliveryRecord {
  readonly kind: NotificationKind;
  readonly groupKey: string;
  readonly groupLabels: Record<string, string>;
  readonly commonLabels: Record<string, string>;
  readonly receiver: string;
  readonly reason: string;
  readonly status: 'firing' | 'resolved';
  readonly fingerprints: readonly string[];
  readonly result: DeliveryResult;
  /** The notification log entry to store for this integration (sent or deliberately skipped). */
  readonly logEntry?: NotificationLogEntry;
}

/**
 * Records deliveries in one transaction: the notification log entries (dedup state), the audit rows,
 * and an `alerts.notification.v1` event per attempted delivery through the outbox, so the three
 * never disagree.
 */
@Injectable()
export class NotificationRecorderService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly log: NotificationLogService,
    private readonly outbox: OutboxService,
  ) {}

  async record(records: readonly DeliveryRecord[], sentAt: Date): Promise<void> {
    if (records.length === 0) return;
    await this.dataSource.transaction(async (manager) => {
      for (const record of records) {
        if (record.logEntry) {
          await this.log.save(manager, record.groupKey, keyOf(record), record.logEntry);
        }
      }
      await manager
        .getRepository(NotificationEntity)
        .insert(records.map((record) => auditRowOf(record, sentAt)));
      const events = records
        .filter((record) => record.kind !== 'acknowledgement' && record.result.outcome !== 'skipped')
        .filter((record) => record.fingerprints.length > 0)
        .map((record) =>
          createEnvelope(topics.alertsNotification, {
            source: SERVICE_NAME,
            time: sentAt,
            subject: record.groupKey,
            data: {
              groupKey: record.groupKey,
              receiver: record.receiver,
              integration: record.result.integration,
              integrationIndex: record.result.index,
              kind: record.kind === 'escalation' ? 'escalation' : 'notification',
              reason: record.reason,
              status: record.status,
              fingerprints: [...record.fingerprints],
              success: record.result.outcome === 'sent',
              ...(record.result.error === undefined ? {} : { error: record.result.error }),
              attempt: Math.max(1, record.result.attempts),
              sentAt: sentAt.toISOString(),
            },
          }),
        );
      await this.outbox.enqueue(manager, topics.alertsNotification, events);
    });
    for (const record of records) {
      if (record.logEntry) this.log.remember(record.groupKey, keyOf(record), record.logEntry);
    }
  }
}

function keyOf(record: DeliveryRecord) {
  return { receiver: record.receiver, integration: record.result.integration, index: record.result.index };
}

function auditRowOf(record: DeliveryRecord, sentAt: Date): Partial<NotificationEntity> {
  return {
    kind: record.kind,
    groupKey: record.groupKey,
    receiver: record.receiver,
    integration: record.result.integration,
    index: record.result.index,
    reason: record.reason,
    status: record.status,
    outcome: record.result.outcome,
    attempts: record.result.attempts,
    httpStatus: record.result.status ?? null,
    error: record.result.error ?? null,
    fingerprints: [...record.fingerprints],
    groupLabels: record.groupLabels,
    commonLabels: record.commonLabels,
    sentAt,
  };
}
