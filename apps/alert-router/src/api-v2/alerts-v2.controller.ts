import { Body, Controller, Get, HttpCode, Inject, Post } from '@nestjs/common';
import { parseOrBadRequest } from '@convergence/service-kit';
import { AlertStoreService, CLOCK, type Clock } from '../alert-store/alert-store.service';
import { SilenceStoreService } from '../silence-store/silence-store.service';
import { silencingIdsOf } from '../silences/silence-state.util';
import { incomingAlertsOf, postableAlertsSchema } from './postable-alerts.schema';

/** Alertmanager's API v2 alert endpoints, so Prometheus can be pointed at the router directly. */
@Controller('api/v2/alerts')
export class AlertsV2Controller {
  constructor(
    private readonly store: AlertStoreService,
    private readonly silences: SilenceStoreService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post()
  @HttpCode(200)
  async post(@Body() body: unknown): Promise<void> {
    const alerts = parseOrBadRequest(postableAlertsSchema, body, 'invalid alerts');
    await this.store.ingest(incomingAlertsOf(alerts), 'api');
  }

  /**
   * Gettable alerts: `suppressed` with the silences muting them, otherwise `unprocessed` — routing
   * and inhibition (which decide `active` and `inhibitedBy`) are not wired to the store yet.
   */
  @Get()
  async list() {
    const [alerts, silences] = await Promise.all([this.store.listActive(), this.silences.listUnexpired()]);
    const now = this.clock();
    return alerts.map((a) => ({
      fingerprint: a.fingerprint,
      labels: a.labels,
      annotations: a.annotations,
      startsAt: a.startsAt.toISOString(),
      endsAt: a.endsAt?.toISOString(),
      updatedAt: a.updatedAt.toISOString(),
      ...(a.generatorURL ? { generatorURL: a.generatorURL } : {}),
      receivers: [],
      status: statusOf(silencingIdsOf(a.labels, silences, now)),
    }));
  }
}

function statusOf(silencedBy: string[]) {
  return {
    state: silencedBy.length > 0 ? 'suppressed' : 'unprocessed',
    silencedBy,
    inhibitedBy: [],
    mutedBy: [],
  };
}
