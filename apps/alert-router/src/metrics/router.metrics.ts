import { Inject, Injectable } from '@nestjs/common';
import { METRICS_REGISTRY } from '@convergence/telemetry';
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import type { NotificationKind, NotificationOutcome } from '../notification-log/notification.entity';

/** Seconds from a group's flush moment to the receiver call: should stay well under 50 ms. */
const FLUSH_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

/** What the dispatcher holds, read when Prometheus scrapes. */
export interface DispatcherCounts {
  readonly groups: number;
  readonly firing: number;
  readonly resolved: number;
}

/** The dispatcher's Prometheus metrics (the receivers export their own per-attempt ones). */
@Injectable()
export class RouterMetrics {
  readonly notifications: Counter<'receiver' | 'integration' | 'outcome' | 'kind'>;
  readonly flushToSendSeconds: Histogram;
  readonly flushes: Counter<'result'>;
  readonly groups: Gauge;
  readonly alerts: Gauge<'state'>;
  readonly escalationSteps: Counter<'policy'>;
  readonly acknowledgements: Counter<'source'>;
  readonly configReloads: Counter<'result'>;
  private countsSource: () => DispatcherCounts = () => ({ groups: 0, firing: 0, resolved: 0 });

  constructor(@Inject(METRICS_REGISTRY) registry: Registry) {
    const registers = [registry];
    this.notifications = new Counter({
      name: 'alert_router_receiver_notifications_total',
      help: 'Integration deliveries by receiver, integration, outcome and kind (notification, escalation, acknowledgement).',
      labelNames: ['receiver', 'integration', 'outcome', 'kind'],
      registers,
    });
    this.flushToSendSeconds = new Histogram({
      name: 'alert_router_flush_to_send_seconds',
      help: 'Time from the moment a group was due to flush to the hand-over to its receivers.',
      buckets: FLUSH_BUCKETS,
      registers,
    });
    this.flushes = new Counter({
      name: 'alert_router_flushes_total',
      help: 'Aggregation group flushes by result (notified, deduplicated, muted, failed, empty).',
      labelNames: ['result'],
      registers,
    });
    this.groups = new Gauge({
      name: 'alert_router_aggregation_groups',
      help: 'Aggregation groups held by the dispatcher.',
      registers,
      collect: () => {
        this.groups.set(this.countsSource().groups);
      },
    });
    this.alerts = new Gauge({
      name: 'alert_router_alerts',
      help: 'Alerts held by the dispatcher by state (firing, resolved).',
      labelNames: ['state'],
      registers,
      collect: () => {
        const counts = this.countsSource();
        this.alerts.set({ state: 'firing' }, counts.firing);
        this.alerts.set({ state: 'resolved' }, counts.resolved);
      },
    });
    this.escalationSteps = new Counter({
      name: 'alert_router_escalation_steps_total',
      help: 'Escalation steps run, by policy.',
      labelNames: ['policy'],
      registers,
    });
    this.acknowledgements = new Counter({
      name: 'alert_router_acknowledgements_total',
      help: 'Groups acknowledged, by source (api, link).',
      labelNames: ['source'],
      registers,
    });
    this.configReloads = new Counter({
      name: 'alert_router_config_reloads_total',
      help: 'Routing config reloads by result (success, failure).',
      labelNames: ['result'],
      registers,
    });
  }

  /** Where the group and alert gauges read their values at scrape time. */
  observeDispatcher(source: () => DispatcherCounts): void {
    this.countsSource = source;
  }

  /** Counts one integration's delivery. */
  recordDelivery(
    receiver: string,
    integration: string,
    outcome: NotificationOutcome,
    kind: NotificationKind,
  ): void {
    this.notifications.inc({ receiver, integration, outcome, kind });
  }
}
