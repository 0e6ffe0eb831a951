import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { OutboxService } from '@convergence/messaging';
import { createEnvelope, topics } from '@convergence/schemas';
import { DataSource, type EntityManager } from 'typeorm';
import { SERVICE_NAME } from '../config/env';
import type { NotificationLogEntry } from '../grouping/notification-log.model';
import { DeliveryActivity, type DeliveryResult } from '../receivers';
import type { NotificationKind } from './notification.entity';
import { GroupCommitQueue } from './group-commit.util';
import { type IntegrationKey, NotificationLogService } from './notification-log.service';

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

// A write waits until no delivery has begun or ended for QUIET_MS (the sends of a burst go first:
// flushes due a few milliseconds apart keep it waiting), but never longer than MAX_WRITE_DELAY_MS.
// The longer a write waits, the more a crash re-sends (never skips).
const QUIET_MS = 20;
const MAX_WRITE_DELAY_MS = 500;

/** One `record` call: its deliveries and when they were sent. */
interface RecordCall {
  readonly records: readonly DeliveryRecord[];
  readonly sentAt: Date;
}

/**
 * Records deliveries: the notification log entries (dedup state), the audit rows, and an
 * `alerts.notification.v1` event per attempted delivery through the outbox, in one transaction so
 * the three never disagree. Calls made while a write is in flight (a burst of groups flushing at the
 * same moment) are written together in the next transaction (GroupCommitQueue): one transaction of
 * three statements for many flushes instead of one each. A write starts once deliveries have been
 * quiet for 20 ms (at most 500 ms later), so a burst's notifications go out before its bookkeeping, and
 * the outbox relay has nothing to publish until they did. Every caller still waits until its own
 * records are committed, so the flush that sent a notification knows it is logged before its
 * resolved alerts leave the group, as in Alertmanager.
 */
@Injectable()
export class NotificationRecorderService {
  private readonly calls = new GroupCommitQueue<RecordCall>(
    (batch) => this.write(batch),
    (start) => this.activity.whenIdle(start, MAX_WRITE_DELAY_MS, QUIET_MS),
  );

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly log: NotificationLogService,
    private readonly outbox: OutboxService,
    private readonly activity: DeliveryActivity,
  ) {}

  /** Resolves once `records` are committed (possibly together with other calls' records). */
  record(records: readonly DeliveryRecord[], sentAt: Date): Promise<void> {
    if (records.length === 0) return Promise.resolve();
    return this.calls.add({ records, sentAt });
  }

  private async write(batch: readonly RecordCall[]): Promise<void> {
    const timed = batch.flatMap(({ records, sentAt }) => records.map((record) => ({ record, sentAt })));
    // Later entries for the same integration replace earlier ones, as separate writes in order would.
    const entries = new Map<string, { groupKey: string; key: IntegrationKey; entry: NotificationLogEntry }>();
    for (const { record } of timed) {
      if (!record.logEntry) continue;
      const key = keyOf(record);
      entries.set(JSON.stringify([record.groupKey, key.receiver, key.integration, key.index]), {
        groupKey: record.groupKey,
        key,
        entry: record.logEntry,
      });
    }
    await this.dataSource.transaction(async (manager) => {
      await this.log.saveAll(manager, [...entries.values()]);
      await insertAudit(manager, timed);
      const events = timed
        .filter(({ record }) => record.kind !== 'acknowledgement' && record.result.outcome !== 'skipped')
        .filter(({ record }) => record.fingerprints.length > 0)
        .map(({ record, sentAt }) => eventOf(record, sentAt));
      await this.outbox.enqueue(manager, topics.alertsNotification, events);
    });
    for (const { groupKey, key, entry } of entries.values()) this.log.remember(groupKey, key, entry);
  }
}

function eventOf(record: DeliveryRecord, sentAt: Date) {
  return createEnvelope(topics.alertsNotification, {
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
  });
}

function keyOf(record: DeliveryRecord) {
  return { receiver: record.receiver, integration: record.result.integration, index: record.result.index };
}

// One statement for the whole batch, the rows as one JSON parameter (parsed by Postgres, not escaped
// element by element in JavaScript): the audit is written on every flush, keep it cheap.
async function insertAudit(
  manager: EntityManager,
  rows: readonly { record: DeliveryRecord; sentAt: Date }[],
): Promise<void> {
  await manager.query(
    `INSERT INTO notifications (kind, group_key, receiver, integration, idx, reason, status, outcome, attempts,
                                http_status, error, fingerprints, group_labels, common_labels, sent_at)
     SELECT kind, group_key, receiver, integration, idx, reason, status, outcome, attempts, http_status, error,
            ARRAY(SELECT jsonb_array_elements_text(fingerprints)), group_labels, common_labels, sent_at
       FROM jsonb_to_recordset($1::jsonb) AS t(
         kind text, group_key text, receiver text, integration text, idx int, reason text, status text,
         outcome text, attempts int, http_status int, error text, fingerprints jsonb, group_labels jsonb,
         common_labels jsonb, sent_at timestamptz)`,
    [
      JSON.stringify(
        rows.map(({ record: r, sentAt }) => ({
          kind: r.kind,
          group_key: r.groupKey,
          receiver: r.receiver,
          integration: r.result.integration,
          idx: r.result.index,
          reason: r.reason,
          status: r.status,
          outcome: r.result.outcome,
          attempts: r.result.attempts,
          http_status: r.result.status ?? null,
          error: r.result.error ?? null,
          fingerprints: r.fingerprints,
          group_labels: r.groupLabels,
          common_labels: r.commonLabels,
          sent_at: sentAt,
        })),
      ),
    ],
  );
}
