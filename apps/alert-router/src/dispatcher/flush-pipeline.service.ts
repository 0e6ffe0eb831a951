import { Injectable, Logger } from '@nestjs/common';
import type { Alert, Fingerprint } from '../alerts/alert.model';
import { isResolved } from '../alerts/alert.util';
import { fingerprintOf } from '../alerts/fingerprint.util';
import { AckLinkService } from '../ack/ack-link.service';
import { AckStoreService } from '../ack/ack-store.service';
import type { FlushBatch } from '../grouping/aggregation-group.machine';
import { notificationLogEntryOf, shouldNotify } from '../grouping/notification-decision.util';
import type { NotifyDecision } from '../grouping/notification-log.model';
import { RouterMetrics } from '../metrics/router.metrics';
import { NotificationLogService, slotOf } from '../notification-log/notification-log.service';
import {
  type DeliveryRecord,
  NotificationRecorderService,
} from '../notification-log/notification-recorder.service';
import { type DeliveryResult, ReceiverDelivery, type WebhookMessage } from '../receivers';
import type { Route } from '../routing/route.model';
import { RoutingConfigService } from '../routing-config/routing-config.service';
import { type Integration, integrationsOf } from './integrations.util';
import { batchMessageOf } from './batch-message.util';
import { alertsToNotify, mutedAlertsOf } from './mute.util';
import { SilenceCacheService } from './silence-cache.service';
import { webhookMessageOf } from './webhook-message.util';

/** What the dispatcher knows beside the batch. */
export interface FlushContext {
  /** Every alert the router holds: the candidates for inhibiting others (read only when rules exist). */
  readonly sources: () => readonly Alert[];
  /** `performance.now()` when the flush became due, for the flush-to-send latency. */
  readonly dueAtMs: number;
  readonly signal?: AbortSignal;
}

/** The result of one flush through the pipeline. */
export interface FlushOutcome {
  /** No integration failed: resolved alerts may leave the group. */
  readonly ok: boolean;
  /** Some integration was told that something started firing (first notification or new alerts). */
  readonly notifiedNewFiring: boolean;
  /** Firing alerts neither silenced nor inhibited. */
  readonly unmutedFiring: readonly Alert[];
}

interface Plan {
  readonly integration: Integration;
  readonly decision: NotifyDecision;
  readonly alerts: readonly Alert[];
  readonly firing: ReadonlySet<Fingerprint>;
  readonly resolved: ReadonlySet<Fingerprint>;
}

/**
 * Alertmanager's notification pipeline for one flushed group: mute (inhibition, silences), then
 * per integration dedup against the notification log, send (with retries inside the receivers),
 * and record the log entry, the audit row and the `alerts.notification.v1` event together. Only
 * what decides the send runs before it (all from memory); the rest waits until it is on its way.
 */
@Injectable()
export class FlushPipeline {
  private readonly logger = new Logger(FlushPipeline.name);

  constructor(
    private readonly config: RoutingConfigService,
    private readonly silences: SilenceCacheService,
    private readonly log: NotificationLogService,
    private readonly recorder: NotificationRecorderService,
    private readonly delivery: ReceiverDelivery,
    private readonly acks: AckStoreService,
    private readonly ackLinks: AckLinkService,
    private readonly metrics: RouterMetrics,
  ) {}

  /**
   * Builds ahead of a group's flush moment (`sendInMs` from now) what its flush will send when none of
   * its alerts is muted then: the webhook message, the receivers' request bodies and connections. The flush finds them again through
   * the batch's alerts array, which the group only hands out again while its content is unchanged;
   * anything that changes the decision (silences, inhibition, the notification log) is still decided
   * at the flush, from memory.
   */
  prepare(batch: FlushBatch, sendInMs: number): void {
    const config = this.config.config;
    const receiver = config.receivers.get(batch.receiver);
    if (receiver) this.delivery.prepare(receiver, batchMessageOf(batch, config.externalUrl), sendInMs);
  }

  async process(batch: FlushBatch, route: Route, context: FlushContext): Promise<FlushOutcome> {
    const config = this.config.config;
    const now = batch.flushedAt;
    const receiver = config.receivers.get(batch.receiver);
    if (!receiver) throw new Error(`receiver ${batch.receiver} of route ${route.id} is not configured`);
    const [silences, entries] = await Promise.all([
      this.silences.unexpired(),
      this.log.entriesOf(batch.groupKey, receiver.name),
    ]);
    const muted = mutedAlertsOf(batch.alerts, {
      silences,
      inhibitRules: config.inhibitRules,
      sources: config.inhibitRules.length > 0 ? context.sources() : [],
      now,
    });
    const plans: Plan[] = [];
    for (const integration of integrationsOf(receiver)) {
      const previous = entries.get(slotOf({ integration: integration.kind, index: integration.index }));
      const alerts = alertsToNotify(
        batch.alerts,
        muted,
        now,
        route.sendResolvedWhenMuted,
        previous?.firing ?? [],
      );
      if (alerts.length === 0) continue;
      // All of the batch's alerts: its own firing/resolved split holds (computed for this moment).
      const { firing, resolved } = alerts === batch.alerts ? batch : partition(alerts, now);
      const decision = shouldNotify(
        previous,
        firing,
        resolved,
        integration.sendResolved,
        batch.repeatIntervalMs,
        now,
      );
      if (!decision.notify) continue;
      if (decision.reason === 'repeat-interval-elapsed' && (await this.isAcknowledged(batch, alerts, now)))
        continue;
      plans.push({ integration, decision, alerts, firing, resolved });
    }
    if (plans.length === 0) {
      this.metrics.flushes.inc({ result: muted.size === batch.alerts.length ? 'muted' : 'deduplicated' });
      return { ok: true, notifiedNewFiring: false, unmutedFiring: unmutedFiringOf(batch, muted) };
    }
    const ackUrl = batch.alerts.some(
      (alert) => !isResolved(alert, now) && !muted.has(fingerprintOf(alert.labels)),
    )
      ? this.ackLinks.urlFor(batch.groupKey, receiver.name)
      : undefined;
    // All of the batch's alerts: the message prepared ahead of the flush moment, if it was.
    const externalUrl = config.externalUrl;
    const messages = plans.map((plan) =>
      plan.alerts === batch.alerts
        ? batchMessageOf(batch, externalUrl)
        : webhookMessageOf({ ...batch, alerts: plan.alerts }, externalUrl, now),
    );
    const sends = plans.map((plan, i) =>
      this.send(batch, plan, messages[i]!, { ackUrl, signal: context.signal }),
    );
    this.metrics.flushToSendSeconds.observe((performance.now() - context.dueAtMs) / 1000);
    const unmutedFiring = unmutedFiringOf(batch, muted);
    const results = await Promise.all(sends);
    const records = plans.map((plan, i) => recordOf(batch, plan, messages[i]!, results[i]!, now));
    await this.recorder.record(records, now);
    for (const record of records) {
      this.metrics.recordDelivery(
        record.receiver,
        record.result.integration,
        record.result.outcome,
        'notification',
      );
    }
    const ok = records.every((record) => record.result.outcome !== 'failed');
    this.metrics.flushes.inc({ result: ok ? 'notified' : 'failed' });
    const notifiedNewFiring = records.some(
      (record) =>
        record.result.outcome === 'sent' &&
        (record.reason === 'first-notification' || record.reason === 'new-alerts'),
    );
    return { ok, notifiedNewFiring, unmutedFiring };
  }

  private async send(
    batch: FlushBatch,
    plan: Plan,
    message: WebhookMessage,
    context: { ackUrl: string | undefined; signal: AbortSignal | undefined },
  ): Promise<DeliveryResult> {
    const [result] = await this.delivery.deliver(plan.integration.receiver, message, {
      ...(context.ackUrl ? { ackUrl: context.ackUrl } : {}),
      ...(context.signal ? { signal: context.signal } : {}),
    });
    if (!result) {
      this.logger.warn(
        { groupKey: batch.groupKey, integration: plan.integration.kind },
        'receiver returned no result',
      );
      return {
        integration: plan.integration.kind,
        index: plan.integration.index,
        outcome: 'failed',
        attempts: 0,
        error: 'no result',
      };
    }
    return { ...result, index: plan.integration.index };
  }

  private async isAcknowledged(batch: FlushBatch, alerts: readonly Alert[], now: Date): Promise<boolean> {
    return this.acks.coversAll(
      batch.groupKey,
      alerts.filter((alert) => !isResolved(alert, now)),
    );
  }
}

/** Firing alerts neither silenced nor inhibited. */
function unmutedFiringOf(batch: FlushBatch, muted: ReadonlyMap<Fingerprint, unknown>): Alert[] {
  return batch.alerts.filter(
    (alert) => !isResolved(alert, batch.flushedAt) && !muted.has(fingerprintOf(alert.labels)),
  );
}

function partition(alerts: readonly Alert[], now: Date) {
  const firing = new Set<Fingerprint>();
  const resolved = new Set<Fingerprint>();
  for (const alert of alerts) (isResolved(alert, now) ? resolved : firing).add(fingerprintOf(alert.labels));
  return { firing, resolved };
}

function recordOf(
  batch: FlushBatch,
  plan: Plan,
  message: WebhookMessage,
  result: DeliveryResult,
  now: Date,
): DeliveryRecord {
  const firing = plan.alerts.some((alert) => !isResolved(alert, now));
  return {
    kind: 'notification',
    groupKey: batch.groupKey,
    groupLabels: { ...batch.groupLabels },
    // The message's common labels are those of plan.alerts (computed once, when it was built).
    commonLabels: message.commonLabels,
    receiver: batch.receiver,
    reason: plan.decision.reason,
    status: firing ? 'firing' : 'resolved',
    fingerprints: plan.alerts.map((alert) => fingerprintOf(alert.labels)),
    result,
    ...(result.outcome === 'failed'
      ? {}
      : { logEntry: notificationLogEntryOf(plan.firing, plan.resolved, now, batch.repeatIntervalMs) }),
  };
}
