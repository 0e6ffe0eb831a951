import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AckLinkService } from '../ack/ack-link.service';
import { AckStoreService } from '../ack/ack-store.service';
import type { Alert } from '../alerts/alert.model';
import { isResolved } from '../alerts/alert.util';
import { fingerprintOf } from '../alerts/fingerprint.util';
import { DispatcherService, type GroupView } from '../dispatcher/dispatcher.service';
import type { FlushOutcome } from '../dispatcher/flush-pipeline.service';
import { mutedAlertsOf } from '../dispatcher/mute.util';
import { SilenceCacheService } from '../dispatcher/silence-cache.service';
import { commonOf, webhookMessageOf } from '../dispatcher/webhook-message.util';
import { RouterMetrics } from '../metrics/router.metrics';
import { NotificationRecorderService } from '../notification-log/notification-recorder.service';
import { ReceiverDelivery } from '../receivers';
import { RoutingConfigService } from '../routing-config/routing-config.service';
import { CLOCK, type CancelTask, type Clock, SCHEDULER, type Scheduler } from '../time/clock';
import { type EscalationState, EscalationEntity } from './escalation.entity';
import { firstEscalationStep, nextEscalationStep } from './escalation-plan.util';

/**
 * Escalation policies (our extension): after a group's first firing notification, timed steps
 * notify further receivers while the group stays firing and unacknowledged. State is in Postgres
 * and active escalations are re-armed at boot; acknowledgement or resolution ends them.
 */
@Injectable()
export class EscalationService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(EscalationService.name);
  private readonly timers = new Map<string, CancelTask>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly dispatcher: DispatcherService,
    private readonly config: RoutingConfigService,
    private readonly silences: SilenceCacheService,
    private readonly acks: AckStoreService,
    private readonly ackLinks: AckLinkService,
    private readonly delivery: ReceiverDelivery,
    private readonly recorder: NotificationRecorderService,
    private readonly metrics: RouterMetrics,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(SCHEDULER) private readonly scheduler: Scheduler,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.dispatcher.onFlushed((view, outcome) => this.afterFlush(view, outcome));
    const active = await this.repository().findBy({ state: 'active' });
    for (const escalation of active) this.arm(escalation);
  }

  onApplicationShutdown(): void {
    for (const cancel of this.timers.values()) cancel();
    this.timers.clear();
  }

  /** The group's escalation, if it ever had one. */
  find(groupKey: string): Promise<EscalationEntity | null> {
    return this.repository().findOneBy({ groupKey });
  }

  /** Ends the group's active escalation (acknowledged, resolved, …); returns it as it was. */
  async stop(groupKey: string, state: Exclude<EscalationState, 'active'>): Promise<EscalationEntity | null> {
    this.timers.get(groupKey)?.();
    this.timers.delete(groupKey);
    const escalation = await this.find(groupKey);
    if (escalation?.state === 'active') {
      await this.repository().update(
        { groupKey, state: 'active' },
        { state, nextAt: null, updatedAt: this.clock() },
      );
      this.logger.log({ groupKey, policy: escalation.policy, state }, 'escalation ended');
    }
    return escalation;
  }

  private async afterFlush(view: GroupView, outcome: FlushOutcome): Promise<void> {
    const policyName = view.route.escalationPolicy;
    if (policyName === undefined) return;
    const { groupKey } = view.batch;
    if (outcome.unmutedFiring.length === 0) {
      await this.stop(groupKey, 'resolved');
      return;
    }
    if (!outcome.notifiedNewFiring) return;
    const existing = await this.find(groupKey);
    if (existing?.state === 'active') return;
    if (await this.acks.coversAll(groupKey, outcome.unmutedFiring)) return;
    const policy = this.config.config.escalationPolicies.get(policyName);
    if (!policy) return;
    const now = this.clock();
    const first = firstEscalationStep(policy, now);
    const escalation = Object.assign(new EscalationEntity(), {
      groupKey,
      policy: policy.name,
      receiver: view.batch.receiver,
      state: 'active',
      step: first.step,
      round: first.round,
      nextAt: first.at,
      notifiedReceivers: [],
      startedAt: now,
      updatedAt: now,
    } satisfies EscalationEntity);
    await this.repository().save(escalation);
    this.logger.log({ groupKey, policy: policy.name, nextAt: first.at }, 'escalation started');
    this.arm(escalation);
  }

  private arm(escalation: EscalationEntity): void {
    if (!escalation.nextAt) return;
    this.timers.get(escalation.groupKey)?.();
    this.timers.set(
      escalation.groupKey,
      this.scheduler.schedule(escalation.nextAt, () => this.runStep(escalation.groupKey)),
    );
  }

  private async runStep(groupKey: string): Promise<void> {
    await this.dispatcher.ready;
    this.timers.delete(groupKey);
    const escalation = await this.find(groupKey);
    if (escalation?.state !== 'active') return;
    const config = this.config.config;
    const policy = config.escalationPolicies.get(escalation.policy);
    const step = policy?.steps[escalation.step];
    const receiver = step && config.receivers.get(step.receiver);
    if (!policy || !step || !receiver) {
      await this.stop(groupKey, 'cancelled');
      return;
    }
    const now = this.clock();
    const view = this.dispatcher.viewsOf(groupKey).find((v) => v.batch.receiver === escalation.receiver);
    const firing = view ? await this.unmutedFiringOf(view, now) : [];
    if (!view || firing.length === 0) {
      await this.stop(groupKey, 'resolved');
      return;
    }
    if (await this.acks.coversAll(groupKey, firing)) {
      await this.stop(groupKey, 'acknowledged');
      return;
    }
    const reason = `escalation-step-${escalation.step + 1}`;
    const subject = { ...view.batch, receiver: receiver.name, alerts: firing };
    const message = webhookMessageOf(subject, config.externalUrl, now);
    const ackUrl = this.ackLinks.urlFor(groupKey, receiver.name);
    const results = await this.delivery.deliver(receiver, message, ackUrl ? { ackUrl } : {});
    await this.recorder.record(
      results.map((result) => ({
        kind: 'escalation',
        groupKey,
        groupLabels: { ...view.batch.groupLabels },
        commonLabels: commonOf(firing.map((a) => a.labels)),
        receiver: receiver.name,
        reason,
        status: 'firing',
        fingerprints: firing.map((a) => fingerprintOf(a.labels)),
        result,
      })),
      now,
    );
    for (const result of results) {
      this.metrics.recordDelivery(receiver.name, result.integration, result.outcome, 'escalation');
    }
    this.metrics.escalationSteps.inc({ policy: policy.name });
    const next = nextEscalationStep(policy, escalation, now);
    const changes = {
      state: next ? ('active' as const) : ('exhausted' as const),
      step: next?.step ?? escalation.step,
      round: next?.round ?? escalation.round,
      nextAt: next?.at ?? null,
      notifiedReceivers: [...new Set([...escalation.notifiedReceivers, receiver.name])],
      updatedAt: now,
    };
    // Conditional: an acknowledgement that arrived while this step was sending wins.
    const { affected } = await this.repository().update({ groupKey, state: 'active' }, changes);
    this.logger.log(
      { groupKey, policy: policy.name, reason, receiver: receiver.name, nextAt: next?.at },
      'escalation step ran',
    );
    if (affected) this.arm({ ...escalation, ...changes });
  }

  /** The group's firing alerts that are neither silenced nor inhibited at `now`. */
  private async unmutedFiringOf(view: GroupView, now: Date): Promise<Alert[]> {
    const config = this.config.config;
    const muted = mutedAlertsOf(view.batch.alerts, {
      silences: await this.silences.unexpired(),
      inhibitRules: config.inhibitRules,
      sources: config.inhibitRules.length > 0 ? this.dispatcher.knownAlerts() : [],
      now,
    });
    return view.batch.alerts.filter((a) => !isResolved(a, now) && !muted.has(fingerprintOf(a.labels)));
  }

  private repository() {
    return this.dataSource.getRepository(EscalationEntity);
  }
}
