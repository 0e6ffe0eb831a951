import { Inject, Injectable } from '@nestjs/common';
import { METRICS_REGISTRY } from '@convergence/telemetry';
import { Counter, Histogram, type Registry } from 'prom-client';
import type { DeliveryResult, IntegrationKind } from './receiver.types';
import type { AttemptOutcome } from './retry-policy.util';

/** Seconds from the first attempt to the final outcome, retries included. */
const DURATION_BUCKETS = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120];

/** The receivers' Prometheus metrics, on the service registry. */
@Injectable()
export class ReceiverMetrics {
  private readonly notifications: Counter<'integration' | 'outcome'>;
  private readonly attempts: Counter<'integration' | 'result'>;
  private readonly duration: Histogram<'integration' | 'outcome'>;

  constructor(@Inject(METRICS_REGISTRY) registry: Registry) {
    this.notifications = new Counter({
      name: 'alert_router_notifications_total',
      help: 'Notifications per integration by final outcome (sent, skipped for send_resolved: false, failed).',
      labelNames: ['integration', 'outcome'],
      registers: [registry],
    });
    this.attempts = new Counter({
      name: 'alert_router_notification_attempts_total',
      help: 'Delivery attempts (HTTP requests or SMTP sessions) per integration by result.',
      labelNames: ['integration', 'result'],
      registers: [registry],
    });
    this.duration = new Histogram({
      name: 'alert_router_notification_duration_seconds',
      help: 'Time from the first delivery attempt to the final outcome, retries included.',
      labelNames: ['integration', 'outcome'],
      buckets: DURATION_BUCKETS,
      registers: [registry],
    });
  }

  recordAttempt(integration: IntegrationKind, outcome: AttemptOutcome): void {
    this.attempts.inc({ integration, result: outcome.kind });
  }

  recordResult(result: DeliveryResult, seconds?: number): void {
    this.notifications.inc({ integration: result.integration, outcome: result.outcome });
    if (seconds !== undefined) {
      this.duration.observe({ integration: result.integration, outcome: result.outcome }, seconds);
    }
  }
}
