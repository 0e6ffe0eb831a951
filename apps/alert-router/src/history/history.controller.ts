import { Controller, Get, Query } from '@nestjs/common';
import { parseOrBadRequest } from '@convergence/service-kit';
import { alertHistoryQuerySchema, notificationHistoryQuerySchema } from './history-query.schema';
import { HistoryService } from './history.service';

/**
 * The queryable history: `GET /api/v1/history/alerts` (each appearance, resolution and re-firing
 * of an alert) and `GET /api/v1/history/notifications` (every delivery, escalation step and
 * acknowledgement forwarded, with its outcome). Both filter by `label=name=value` (repeatable),
 * `from`/`to` (RFC 3339), `status`, `fingerprint`, `limit`.
 */
@Controller('api/v1/history')
export class HistoryController {
  constructor(private readonly history: HistoryService) {}

  @Get('alerts')
  async alerts(@Query() query: unknown) {
    const rows = await this.history.alerts(
      parseOrBadRequest(alertHistoryQuerySchema, query, 'invalid query'),
    );
    return rows.map((row) => ({
      fingerprint: row.fingerprint,
      labels: row.labels,
      status: row.status,
      startsAt: row.startsAt.toISOString(),
      endsAt: row.endsAt.toISOString(),
      source: row.source,
      recordedAt: row.recordedAt.toISOString(),
    }));
  }

  @Get('notifications')
  async notifications(@Query() query: unknown) {
    const rows = await this.history.notifications(
      parseOrBadRequest(notificationHistoryQuerySchema, query, 'invalid query'),
    );
    return rows.map((row) => ({
      kind: row.kind,
      groupKey: row.groupKey,
      receiver: row.receiver,
      integration: row.integration,
      index: row.index,
      reason: row.reason,
      status: row.status,
      outcome: row.outcome,
      attempts: row.attempts,
      ...(row.httpStatus === null ? {} : { httpStatus: row.httpStatus }),
      ...(row.error === null ? {} : { error: row.error }),
      fingerprints: row.fingerprints,
      groupLabels: row.groupLabels,
      commonLabels: row.commonLabels,
      sentAt: row.sentAt.toISOString(),
    }));
  }
}
