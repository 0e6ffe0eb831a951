import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { OutboxService } from '@convergence/messaging';
import { createEnvelope, topics } from '@convergence/schemas';
import type { Logger } from 'pino';
import type { DataSource, EntityManager } from 'typeorm';
import { CLOCK, type Clock } from '../config/clock';
import { ORACLE_LOGGER } from '../config/tokens';
import { SERVICE_NAME } from '../config/env';

export type OracleAlertName =
  | 'OracleLlmUnavailable'
  | 'OracleLlmFallback'
  | 'OracleLlmBudgetExhausted'
  | 'OracleLlmDailySpendHigh'
  | 'OracleLlmRateLimited'
  | 'OracleVrfTimeout'
  | 'OracleSettlementFailed';

export interface OracleAlert {
  alertname: OracleAlertName;
  severity: 'warning' | 'critical';
  summary: string;
  description?: string;
  /** Extra labels (e.g. market); they make the alert's identity in the alert-router. */
  labels?: Record<string, string>;
}

// The same alert is re-sent at most this often (Alertmanager clients resend firing alerts periodically too).
const RESEND_MS = 5 * 60_000;

/** Raises operational alerts on alerts.raw.v1 through the outbox, so an alert is never lost in a crash. */
@Injectable()
export class AlertService {
  private readonly lastSent = new Map<string, number>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ORACLE_LOGGER) private readonly logger: Logger,
  ) {}

  /** Enqueues the alert (in `manager`'s transaction when given); repeats within 5 minutes are dropped. */
  async raise(alert: OracleAlert, manager?: EntityManager): Promise<void> {
    const labels = {
      alertname: alert.alertname,
      service: SERVICE_NAME,
      severity: alert.severity,
      ...alert.labels,
    };
    const identity = JSON.stringify(labels);
    const now = this.clock();
    const last = this.lastSent.get(identity);
    if (last !== undefined && now.getTime() - last < RESEND_MS) return;
    this.lastSent.set(identity, now.getTime());
    const envelope = createEnvelope(topics.alertsRaw, {
      source: SERVICE_NAME,
      data: {
        labels,
        annotations: {
          summary: alert.summary,
          ...(alert.description ? { description: alert.description } : {}),
        },
        startsAt: now.toISOString(),
      },
    });
    this.logger.warn({ alert: labels, summary: alert.summary }, 'alert raised');
    if (manager) await this.outbox.enqueue(manager, topics.alertsRaw, envelope);
    else await this.dataSource.transaction((m) => this.outbox.enqueue(m, topics.alertsRaw, envelope));
  }
}
