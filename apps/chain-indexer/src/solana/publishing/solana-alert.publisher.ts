import { Injectable } from '@nestjs/common';
import { EventProducer } from '@convergence/messaging';
import { createEnvelope, topics } from '@convergence/schemas';
import { SERVICE_NAME } from '../../config/env';
import type { TrackedAlert } from '../alerts/alert-tracker';

/**
 * Sends the Solana indexer's alerts to alerts.raw.v1 in Alertmanager's postable shape, labelled
 * `service`, `chain="solana"`, `cluster` and the alert's own labels (program or endpoint).
 */
@Injectable()
export class SolanaAlertPublisher {
  constructor(private readonly producer: EventProducer) {}

  async publish(cluster: string, alert: TrackedAlert): Promise<void> {
    const data = {
      labels: {
        alertname: alert.name,
        severity: alert.severity,
        service: SERVICE_NAME,
        chain: 'solana',
        cluster,
        ...alert.labels,
      },
      annotations: { summary: alert.summary, description: alert.description },
      startsAt: alert.startsAt.toISOString(),
      ...(alert.endsAt ? { endsAt: alert.endsAt.toISOString() } : {}),
    };
    await this.producer.publishValidated(
      topics.alertsRaw,
      createEnvelope(topics.alertsRaw, { source: SERVICE_NAME, subject: alert.name, data }),
    );
  }
}
