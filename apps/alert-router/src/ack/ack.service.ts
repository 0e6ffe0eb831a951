import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { isResolved } from '../alerts/alert.util';
import { fingerprintOf } from '../alerts/fingerprint.util';
import { DispatcherService } from '../dispatcher/dispatcher.service';
import { commonOf, webhookMessageOf } from '../dispatcher/webhook-message.util';
import { EscalationService } from '../escalation/escalation.service';
import { RouterMetrics } from '../metrics/router.metrics';
import {
  type DeliveryRecord,
  NotificationRecorderService,
} from '../notification-log/notification-recorder.service';
import { ReceiverDelivery } from '../receivers';
import { ROUTER_OPTIONS, type RouterOptions } from '../router-options';
import { RoutingConfigService } from '../routing-config/routing-config.service';
import { CLOCK, type Clock } from '../time/clock';
import { AckError } from './ack.error';
import { AckStoreService } from './ack-store.service';
import { verifyAckToken } from './ack-token.util';
import { type AckSource, AcknowledgementEntity } from './acknowledgement.entity';

/** What an acknowledgement did. */
export interface AckResult {
  readonly acknowledgement: AcknowledgementEntity;
  /** PagerDuty acknowledge events sent (one per PagerDuty integration reached). */
  readonly forwarded: readonly DeliveryRecord[];
  readonly escalationStopped: boolean;
}

/**
 * Acknowledges a group's firing alerts (through the API or a signed link): records who, stops the
 * group's escalation, pauses its repeats, and forwards an `acknowledge` event to PagerDuty for the
 * receivers that were paged.
 */
@Injectable()
export class AckService {
  private readonly logger = new Logger(AckService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(ROUTER_OPTIONS) private readonly options: RouterOptions,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly dispatcher: DispatcherService,
    private readonly escalations: EscalationService,
    private readonly store: AckStoreService,
    private readonly config: RoutingConfigService,
    private readonly delivery: ReceiverDelivery,
    private readonly recorder: NotificationRecorderService,
    private readonly metrics: RouterMetrics,
  ) {}

  /** Acknowledges the group now; throws AckError when it is unknown or nothing in it fires. */
  async acknowledge(input: {
    groupKey: string;
    ackedBy: string;
    comment: string;
    source: AckSource;
  }): Promise<AckResult> {
    const now = this.clock();
    const views = this.dispatcher.viewsOf(input.groupKey);
    if (views.length === 0) throw new AckError('unknown-group', `no active group ${input.groupKey}`);
    const firing = views.flatMap((view) => view.batch.alerts.filter((alert) => !isResolved(alert, now)));
    if (firing.length === 0) throw new AckError('nothing-firing', `nothing fires in group ${input.groupKey}`);
    const acknowledgement = Object.assign(new AcknowledgementEntity(), {
      id: randomUUID(),
      groupKey: input.groupKey,
      fingerprints: [...new Set(firing.map((alert) => fingerprintOf(alert.labels)))],
      ackedBy: input.ackedBy,
      comment: input.comment,
      source: input.source,
      ackedAt: now,
    });
    await this.dataSource.transaction((manager) => this.store.add(manager, acknowledgement));
    this.metrics.acknowledgements.inc({ source: input.source });
    const escalation = await this.escalations.stop(input.groupKey, 'acknowledged');
    const receivers = new Set([
      ...views.map((view) => view.batch.receiver),
      ...(escalation?.notifiedReceivers ?? []),
    ]);
    const forwarded: DeliveryRecord[] = [];
    const config = this.config.config;
    for (const name of receivers) {
      const receiver = config.receivers.get(name);
      if (!receiver || receiver.pagerduty_configs.length === 0) continue;
      const view = views[0]!;
      const message = webhookMessageOf(
        { ...view.batch, receiver: name, alerts: firing },
        config.externalUrl,
        now,
      );
      for (const result of await this.delivery.acknowledge(receiver, message)) {
        this.metrics.recordDelivery(name, result.integration, result.outcome, 'acknowledgement');
        forwarded.push({
          kind: 'acknowledgement',
          groupKey: input.groupKey,
          groupLabels: { ...view.batch.groupLabels },
          commonLabels: commonOf(firing.map((alert) => alert.labels)),
          receiver: name,
          reason: 'acknowledged',
          status: 'firing',
          fingerprints: acknowledgement.fingerprints,
          result,
        });
      }
    }
    await this.recorder.record(forwarded, now);
    this.logger.log(
      { groupKey: input.groupKey, ackedBy: input.ackedBy, source: input.source, forwarded: forwarded.length },
      'group acknowledged',
    );
    return { acknowledgement, forwarded, escalationStopped: escalation?.state === 'active' };
  }

  /** Acknowledges the group a signed link names; throws AckError for a bad, expired or disabled link. */
  async acknowledgeLink(token: string): Promise<AckResult> {
    const claim = this.claimOf(token);
    return this.acknowledge({
      groupKey: claim.groupKey,
      ackedBy: `link:${claim.receiver}`,
      comment: 'acknowledged from a notification link',
      source: 'link',
    });
  }

  /** The group a link names, checked; throws AckError otherwise. */
  claimOf(token: string) {
    if (!this.options.ackSecret)
      throw new AckError('links-disabled', 'acknowledgement links are not enabled');
    const checked = verifyAckToken(token, this.options.ackSecret, this.clock());
    if (!checked.ok) throw new AckError(checked.problem, `acknowledgement link refused (${checked.problem})`);
    return checked.claim;
  }

  list(groupKey: string): Promise<AcknowledgementEntity[]> {
    return this.store.listFor(groupKey);
  }
}
