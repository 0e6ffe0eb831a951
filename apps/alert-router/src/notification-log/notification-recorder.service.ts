import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { OutboxService } from '@convergence/messaging';
import { createEnvelope, topics } from '@convergence/schemas';
import { DataSource, type EntityManager } from 'typeorm';
import { SERVICE_NAME } from '../config/env';
import type { NotificationLogEntry } from '../grouping/notification-log.model';
import type { DeliveryResult } from '../receivers';
import type { NotificationKind } from './notification.entity';
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
      await this.log.saveAll(
        manager,
        records.flatMap((record) =>
          record.logEntry ? [{ groupKey: record.groupKey, key: keyOf(record), entry: record.logEntry }] : [],
        ),
      );
      await insertAudit(manager, records, sentAt);
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

// One statement over unnest()ed arrays: the audit is written on every flush, keep it cheap.
async function insertAudit(
  manager: EntityManager,
  records: readonly DeliveryRecord[],
  sentAt: Date,
): Promise<void> {
  await manager.query(
    `INSERT INTO notifications (kind, group_key, receiver, integration, idx, reason, status, outcome, attempts,
                                http_status, error, fingerprints, group_labels, common_labels, sent_at)
     SELECT k, g, r, i, x, re, s, o, a, h, e, ARRAY(SELECT jsonb_array_elements_text(f)), gl, cl, $15
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[], $6::text[], $7::text[],
                   $8::text[], $9::int[], $10::int[], $11::text[], $12::jsonb[], $13::jsonb[], $14::jsonb[])
         AS t(k, g, r, i, x, re, s, o, a, h, e, f, gl, cl)`,
    [
      records.map((r) => r.kind),
      records.map((r) => r.groupKey),
      records.map((r) => r.receiver),
      records.map((r) => r.result.integration),
      records.map((r) => r.result.index),
      records.map((r) => r.reason),
      records.map((r) => r.status),
      records.map((r) => r.result.outcome),
      records.map((r) => r.result.attempts),
      records.map((r) => r.result.status ?? null),
      records.map((r) => r.result.error ?? null),
      records.map((r) => JSON.stringify(r.fingerprints)),
      records.map((r) => JSON.stringify(r.groupLabels)),
      records.map((r) => JSON.stringify(r.commonLabels)),
      sentAt,
    ],
  );
}
