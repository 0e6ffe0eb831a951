import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, MoreThan } from 'typeorm';
import type { Alert, Fingerprint, IncomingAlert } from '../alerts/alert.model';
import { isResolved } from '../alerts/alert.util';
import { fingerprintOf } from '../alerts/fingerprint.util';
import { mergeAlert } from '../alerts/merge-alert.util';
import { AlertHistoryEntity, type AlertSource } from './alert-history.entity';
import { AlertEntity } from './alert.entity';

export const CLOCK = Symbol('CLOCK');
export type Clock = () => Date;

/**
 * Alerts as Alertmanager keeps them, in Postgres: each incoming version is merged into the stored
 * one under a row lock, and a history row is written whenever an alert appears or changes status.
 */
@Injectable()
export class AlertStoreService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Stores the alerts in one transaction, or inside `manager`'s when the caller has one. */
  async ingest(
    incoming: IncomingAlert[],
    source: AlertSource,
    manager?: EntityManager,
  ): Promise<Fingerprint[]> {
    if (manager) return this.ingestWith(manager, incoming, source);
    return this.dataSource.transaction((m) => this.ingestWith(m, incoming, source));
  }

  /** Alerts not yet resolved, oldest first (what Alertmanager's `GET /api/v2/alerts` lists). */
  async listActive(): Promise<(Alert & { fingerprint: Fingerprint })[]> {
    const rows = await this.dataSource
      .getRepository(AlertEntity)
      .find({ where: { endsAt: MoreThan(this.clock()) }, order: { startsAt: 'ASC', fingerprint: 'ASC' } });
    return rows.map((row) => ({ fingerprint: row.fingerprint, ...alertOf(row) }));
  }

  private async ingestWith(manager: EntityManager, incoming: IncomingAlert[], source: AlertSource) {
    const now = this.clock();
    const fingerprints: Fingerprint[] = [];
    for (const alert of incoming) {
      const fingerprint = fingerprintOf(alert.labels);
      const stored = await manager
        .getRepository(AlertEntity)
        .findOne({ where: { fingerprint }, lock: { mode: 'pessimistic_write' } });
      const previous = stored ? alertOf(stored) : undefined;
      const merged = mergeAlert(previous, alert, now);
      await manager.getRepository(AlertEntity).save(rowOf(fingerprint, merged));
      const status = isResolved(merged, now) ? 'resolved' : 'firing';
      const previousStatus = previous && (isResolved(previous, now) ? 'resolved' : 'firing');
      if (status !== previousStatus || previous?.startsAt.getTime() !== merged.startsAt.getTime()) {
        await manager.getRepository(AlertHistoryEntity).insert({
          fingerprint,
          labels: { ...merged.labels },
          status,
          startsAt: merged.startsAt,
          endsAt: merged.endsAt!,
          source,
          recordedAt: now,
        });
      }
      fingerprints.push(fingerprint);
    }
    return fingerprints;
  }
}

function alertOf(row: AlertEntity): Alert {
  return {
    labels: row.labels,
    annotations: row.annotations,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    updatedAt: row.updatedAt,
    timeout: row.timeout,
    ...(row.generatorURL === null ? {} : { generatorURL: row.generatorURL }),
  };
}

function rowOf(fingerprint: Fingerprint, alert: Alert): AlertEntity {
  return Object.assign(new AlertEntity(), {
    fingerprint,
    labels: { ...alert.labels },
    annotations: { ...alert.annotations },
    startsAt: alert.startsAt,
    endsAt: alert.endsAt!,
    updatedAt: alert.updatedAt,
    timeout: alert.timeout ?? false,
    generatorURL: alert.generatorURL ?? null,
  });
}
