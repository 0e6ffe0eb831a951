import { BadRequestException, Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { AlertStoreService } from '../alert-store/alert-store.service';
import { incomingAlertsOf, postableAlertsSchema } from './postable-alerts.schema';

/** Alertmanager's API v2 alert endpoints, so Prometheus can be pointed at the router directly. */
@Controller('api/v2/alerts')
export class AlertsV2Controller {
  constructor(private readonly store: AlertStoreService) {}

  @Post()
  @HttpCode(200)
  async post(@Body() body: unknown): Promise<void> {
    const parsed = postableAlertsSchema.safeParse(body);
    if (!parsed.success) {
      const errors = parsed.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message }));
      throw new BadRequestException({
        title: 'invalid alerts',
        detail: errors.map((e) => `${e.field || '(body)'}: ${e.message}`).join('; '),
        errors,
      });
    }
    await this.store.ingest(incomingAlertsOf(parsed.data), 'api');
  }

  /** Gettable alerts; `unprocessed` until the dispatcher (routing, silences, inhibition) handles them. */
  @Get()
  async list() {
    const alerts = await this.store.listActive();
    return alerts.map((a) => ({
      fingerprint: a.fingerprint,
      labels: a.labels,
      annotations: a.annotations,
      startsAt: a.startsAt.toISOString(),
      endsAt: a.endsAt?.toISOString(),
      updatedAt: a.updatedAt.toISOString(),
      ...(a.generatorURL ? { generatorURL: a.generatorURL } : {}),
      receivers: [],
      status: { state: 'unprocessed', silencedBy: [], inhibitedBy: [], mutedBy: [] },
    }));
  }
}
