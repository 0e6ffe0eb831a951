import { Body, Controller, Get, HttpCode, Inject, Post } from '@nestjs/common';
import { parseOrBadRequest } from '@convergence/service-kit';
import { AlertStoreService } from '../alert-store/alert-store.service';
import { AlertIntakeService } from '../dispatcher/alert-intake.service';
import { DispatcherService } from '../dispatcher/dispatcher.service';
import { SilenceCacheService } from '../dispatcher/silence-cache.service';
import { inhibitingAlertOf } from '../inhibition/inhibition.util';
import { matchRoutes } from '../routing/match-routes.util';
import { RoutingConfigService } from '../routing-config/routing-config.service';
import { silencingIdsOf } from '../silences/silence-state.util';
import { CLOCK, type Clock } from '../time/clock';
import { plainPostableAlertsOf } from './plain-postable-alerts.util';
import { incomingAlertsOf, postableAlertsSchema } from './postable-alerts.schema';

/** Alertmanager's API v2 alert endpoints, so Prometheus can be pointed at the router directly. */
@Controller('api/v2/alerts')
export class AlertsV2Controller {
  constructor(
    private readonly store: AlertStoreService,
    private readonly intake: AlertIntakeService,
    private readonly dispatcher: DispatcherService,
    private readonly silences: SilenceCacheService,
    private readonly config: RoutingConfigService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post()
  @HttpCode(200)
  async post(@Body() body: unknown): Promise<void> {
    const alerts =
      plainPostableAlertsOf(body) ?? parseOrBadRequest(postableAlertsSchema, body, 'invalid alerts');
    await this.intake.ingest(incomingAlertsOf(alerts), 'api');
  }

  /**
   * Gettable alerts as Alertmanager lists them: `suppressed` with the silences and inhibiting alerts
   * muting them, otherwise `active`, and the receivers their routes lead to.
   */
  @Get()
  async list() {
    const [alerts, silences] = await Promise.all([this.store.listActive(), this.silences.unexpired()]);
    const now = this.clock();
    const config = this.config.config;
    const sources = this.dispatcher.knownAlerts();
    return alerts.map((a) => {
      const silencedBy = silencingIdsOf(a.labels, silences, now);
      const inhibitor = inhibitingAlertOf(a.labels, sources, config.inhibitRules, now);
      const inhibitedBy = inhibitor === undefined ? [] : [inhibitor];
      return {
        fingerprint: a.fingerprint,
        labels: a.labels,
        annotations: a.annotations,
        startsAt: a.startsAt.toISOString(),
        endsAt: a.endsAt?.toISOString(),
        updatedAt: a.updatedAt.toISOString(),
        ...(a.generatorURL ? { generatorURL: a.generatorURL } : {}),
        receivers: [...new Set(matchRoutes(config.route, a.labels).map((r) => r.receiver))].map((name) => ({
          name,
        })),
        status: {
          state: silencedBy.length > 0 || inhibitedBy.length > 0 ? 'suppressed' : 'active',
          silencedBy,
          inhibitedBy,
          mutedBy: [],
        },
      };
    });
  }
}
