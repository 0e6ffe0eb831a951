import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { OutboxService } from '@convergence/messaging';
import { topics } from '@convergence/schemas';
import { DataSource, type EntityManager } from 'typeorm';
import { CLOCK, type Clock } from '../../clock';
import { GATEWAY_ENV, type GatewayEnv } from '../../config/gateway-config';
import { GatewayMetrics } from '../../metrics/gateway.metrics';
import { authFailureAlert, crossesThreshold } from './auth-failure-alert.util';
import { type AuthAction, AuthLogEntity } from './auth-log.entity';

export interface AuthAttempt {
  subject: string | null;
  action: AuthAction;
  success: boolean;
  ip: string;
  reason?: string;
}

/** A wallet, key or IP with repeated failures, for the operators' query. */
export interface RepeatedFailures {
  kind: 'subject' | 'ip';
  address: string;
  failures: number;
  lastAt: string;
}

/**
 * The auth log: every sign-in, refresh and API-key attempt. A failure that takes one address past
 * AUTH_FAILURE_ALERT_THRESHOLD within an hour raises `alerts.raw.v1` through the outbox, in the
 * same transaction as the log row, so the alert is sent exactly when the failure is recorded.
 */
@Injectable()
export class AuthLogService {
  private readonly logger = new Logger(AuthLogService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly metrics: GatewayMetrics,
    @Inject(GATEWAY_ENV) private readonly env: GatewayEnv,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async record(attempt: AuthAttempt): Promise<void> {
    const at = this.clock();
    this.metrics.authAttempts.inc({ action: attempt.action, success: String(attempt.success) });
    await this.dataSource.transaction(async (manager) => {
      await manager.insert(AuthLogEntity, {
        at,
        subject: attempt.subject,
        action: attempt.action,
        success: attempt.success,
        ip: attempt.ip,
        reason: attempt.reason ?? null,
      });
      if (attempt.success) return;
      if (attempt.subject?.startsWith('0x'))
        await this.alertOnRepeat(manager, 'wallet', 'subject', attempt.subject, at);
      await this.alertOnRepeat(manager, 'ip', 'ip', attempt.ip, at);
    });
  }

  /** Addresses with at least `min` failures since `sinceMinutes` ago, worst first. */
  async repeatedFailures(sinceMinutes: number, min: number): Promise<RepeatedFailures[]> {
    const since = new Date(this.clock().getTime() - sinceMinutes * 60_000);
    const rows = (await this.dataSource.query(
      `SELECT 'subject' AS kind, subject AS address, count(*)::int AS failures, max(at) AS last_at
         FROM auth_log WHERE NOT success AND at >= $1 AND subject IS NOT NULL GROUP BY subject HAVING count(*) >= $2
       UNION ALL
       SELECT 'ip', ip, count(*)::int, max(at)
         FROM auth_log WHERE NOT success AND at >= $1 GROUP BY ip HAVING count(*) >= $2
       ORDER BY failures DESC, address`,
      [since, min],
    )) as { kind: 'subject' | 'ip'; address: string; failures: number; last_at: Date }[];
    return rows.map((r) => ({
      kind: r.kind,
      address: r.address,
      failures: r.failures,
      lastAt: r.last_at.toISOString(),
    }));
  }

  private async alertOnRepeat(
    manager: EntityManager,
    kind: 'wallet' | 'ip',
    column: 'subject' | 'ip',
    address: string,
    now: Date,
  ): Promise<void> {
    const [{ failures }] = (await manager.query(
      `SELECT count(*)::int AS failures FROM auth_log WHERE ${column} = $1 AND NOT success AND at > $2`,
      [address, new Date(now.getTime() - 3_600_000)],
    )) as [{ failures: number }];
    const threshold = this.env.AUTH_FAILURE_ALERT_THRESHOLD;
    if (!crossesThreshold(failures, threshold)) return;
    await this.outbox.enqueue(
      manager,
      topics.alertsRaw,
      authFailureAlert({ kind, address, failures, threshold, now }),
    );
    this.logger.warn({ msg: 'repeated authentication failures', kind, address, failures });
  }
}
