import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, In, MoreThan } from 'typeorm';
import {
  type Alert,
  DEFAULT_RESOLVE_TIMEOUT_MS,
  type Fingerprint,
  type IncomingAlert,
} from '../alerts/alert.model';
import { isResolved } from '../alerts/alert.util';
import { fingerprintOf } from '../alerts/fingerprint.util';
import { isoStringsOf } from '../alerts/iso-strings.util';
import { mergeAlert } from '../alerts/merge-alert.util';
import { CLOCK, type Clock } from '../time/clock';
import { AlertHistoryEntity, type AlertSource } from './alert-history.entity';
import { AlertEntity } from './alert.entity';

/** An alert as stored, with its identity. */
export type StoredAlert = Alert & { readonly fingerprint: Fingerprint };

/**
 * Alerts as Alertmanager keeps them, in Postgres: each incoming version is merged into the stored
 * one under a per-fingerprint lock, and a history row is written whenever an alert appears or
 * changes status. Batches are read and written with a few statements, not one per alert.
 */
@Injectable()
export class AlertStoreService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Stores the alerts in one transaction, or inside `manager`'s; returns each alert as now stored. */
  async ingest(
    incoming: readonly IncomingAlert[],
    source: AlertSource,
    options: { manager?: EntityManager; resolveTimeoutMs?: number } = {},
  ): Promise<StoredAlert[]> {
    const timeout = options.resolveTimeoutMs ?? DEFAULT_RESOLVE_TIMEOUT_MS;
    if (options.manager) return this.ingestWith(options.manager, incoming, source, timeout);
    return this.dataSource.transaction((m) => this.ingestWith(m, incoming, source, timeout));
  }

  /** Alerts not yet resolved, oldest first (what Alertmanager's `GET /api/v2/alerts` lists). */
  async listActive(): Promise<StoredAlert[]> {
    const rows = await this.dataSource
      .getRepository(AlertEntity)
      .find({ where: { endsAt: MoreThan(this.clock()) }, order: { startsAt: 'ASC', fingerprint: 'ASC' } });
    return rows.map(storedAlertOf);
  }

  /** Alerts firing now or resolved after `since`: what the dispatcher rebuilds its groups from at boot. */
  async listEndingAfter(since: Date): Promise<StoredAlert[]> {
    const rows = await this.dataSource
      .getRepository(AlertEntity)
      .find({ where: { endsAt: MoreThan(since) }, order: { startsAt: 'ASC', fingerprint: 'ASC' } });
    return rows.map(storedAlertOf);
  }

  /** The stored alerts with these fingerprints (any state). */
  async findByFingerprints(fingerprints: readonly Fingerprint[]): Promise<StoredAlert[]> {
    if (fingerprints.length === 0) return [];
    const rows = await this.dataSource
      .getRepository(AlertEntity)
      .findBy({ fingerprint: In([...fingerprints]) });
    return rows.map(storedAlertOf);
  }

  private async ingestWith(
    manager: EntityManager,
    incoming: readonly IncomingAlert[],
    source: AlertSource,
    resolveTimeoutMs: number,
  ): Promise<StoredAlert[]> {
    const now = this.clock();
    const keyed = incoming.map((alert) => ({ fingerprint: fingerprintOf(alert.labels), alert }));
    const fingerprints = [...new Set(keyed.map((k) => k.fingerprint))].sort();
    // Serialises writers of the same alerts (also of alerts not stored yet, which FOR UPDATE cannot lock).
    // Lists travel as one JSON parameter: Postgres parses it in C, where pg's per-element array
    // escaping in JavaScript was a large share of the ingest CPU.
    const fingerprintsJson = JSON.stringify(fingerprints);
    await manager.query(
      `SELECT pg_advisory_xact_lock(hashtextextended(f, 0))
         FROM (SELECT jsonb_array_elements_text($1::jsonb) AS f ORDER BY 1) AS ordered`,
      [fingerprintsJson],
    );
    const rows: AlertRow[] = await manager.query(
      `SELECT fingerprint, labels, annotations, starts_at, ends_at, updated_at, timeout, generator_url
         FROM alerts WHERE fingerprint = ANY (ARRAY(SELECT jsonb_array_elements_text($1::jsonb)))`,
      [fingerprintsJson],
    );
    const stored = new Map<Fingerprint, Alert>(rows.map((row) => [row.fingerprint, alertOfRow(row)]));
    const history: HistoryRow[] = [];
    const results: StoredAlert[] = [];
    for (const { fingerprint, alert } of keyed) {
      const previous = stored.get(fingerprint);
      const merged = mergeAlert(previous, alert, now, resolveTimeoutMs);
      stored.set(fingerprint, merged);
      const status = isResolved(merged, now) ? 'resolved' : 'firing';
      const previousStatus = previous && (isResolved(previous, now) ? 'resolved' : 'firing');
      if (status !== previousStatus || previous?.startsAt.getTime() !== merged.startsAt.getTime()) {
        history.push({
          fingerprint,
          labels: merged.labels,
          status,
          startsAt: merged.startsAt,
          endsAt: merged.endsAt!,
          source,
          recordedAt: now,
        });
      }
      results.push({ fingerprint, ...merged });
    }
    await writeAlerts(
      manager,
      fingerprints.map((fingerprint) => [fingerprint, stored.get(fingerprint)!]),
      history,
    );
    return results;
  }
}

function storedAlertOf(row: AlertEntity): StoredAlert {
  return { fingerprint: row.fingerprint, ...alertOf(row) };
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

/** An `alerts` row as `SELECT *` returns it. */
interface AlertRow {
  fingerprint: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  starts_at: Date;
  ends_at: Date;
  updated_at: Date;
  timeout: boolean;
  generator_url: string | null;
}

type HistoryRow = Omit<AlertHistoryEntity, 'id'>;

function alertOfRow(row: AlertRow): Alert {
  return {
    labels: row.labels,
    annotations: row.annotations,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    updatedAt: row.updated_at,
    timeout: row.timeout,
    ...(row.generator_url === null ? {} : { generatorURL: row.generator_url }),
  };
}

// One statement for the batch: the upsert and the history rows, each list as one JSON parameter
// (jsonb_to_recordset), so a POST of 100 alerts costs one round trip and two JSON.stringify calls
// instead of pg escaping 15 arrays element by element.
async function writeAlerts(
  manager: EntityManager,
  alerts: [Fingerprint, Alert][],
  history: HistoryRow[],
): Promise<void> {
  const iso = isoStringsOf();
  await manager.query(
    `WITH upserted AS (
       INSERT INTO alerts (fingerprint, labels, annotations, starts_at, ends_at, updated_at, timeout, generator_url)
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS t(
         fingerprint text, labels jsonb, annotations jsonb, starts_at timestamptz, ends_at timestamptz,
         updated_at timestamptz, timeout boolean, generator_url text)
       ON CONFLICT (fingerprint) DO UPDATE SET
         labels = excluded.labels, annotations = excluded.annotations, starts_at = excluded.starts_at,
         ends_at = excluded.ends_at, updated_at = excluded.updated_at, timeout = excluded.timeout,
         generator_url = excluded.generator_url)
     INSERT INTO alert_history (fingerprint, labels, status, starts_at, ends_at, source, recorded_at)
     SELECT * FROM jsonb_to_recordset($2::jsonb) AS t(
       fingerprint text, labels jsonb, status text, starts_at timestamptz, ends_at timestamptz,
       source text, recorded_at timestamptz)`,
    [
      JSON.stringify(
        alerts.map(([fingerprint, a]) => ({
          fingerprint,
          labels: a.labels,
          annotations: a.annotations,
          starts_at: iso(a.startsAt),
          ends_at: iso(a.endsAt!),
          updated_at: iso(a.updatedAt),
          timeout: a.timeout ?? false,
          generator_url: a.generatorURL ?? null,
        })),
      ),
      JSON.stringify(
        history.map((r) => ({
          fingerprint: r.fingerprint,
          labels: r.labels,
          status: r.status,
          starts_at: iso(r.startsAt),
          ends_at: iso(r.endsAt),
          source: r.source,
          recorded_at: iso(r.recordedAt),
        })),
      ),
    ],
  );
}
