import { Injectable } from '@nestjs/common';
import { EventProducer } from '@convergence/messaging';
import { createEnvelope, topics, type TopicData } from '@convergence/schemas';
import { SERVICE_NAME } from '../config/env';

export type RawAlert = TopicData<typeof topics.alertsRaw>;

/** The alerts chain-indexer raises (alert names as Prometheus would). */
export type IndexerAlertName =
  | 'ChainIndexerDeepReorg'
  | 'ChainIndexerLagHigh'
  | 'ChainIndexerRpcFailover'
  | 'ChainIndexerEndpointDown'
  | 'ChainIndexerStalled';

export interface IndexerAlert {
  readonly name: IndexerAlertName;
  readonly severity: 'critical' | 'warning';
  readonly chainId: number;
  readonly chain: string;
  readonly summary: string;
  readonly description: string;
  /** Extra identifying labels (e.g. the endpoint). */
  readonly labels?: Record<string, string>;
  readonly startsAt: Date;
  /** Set to resolve the alert. */
  readonly endsAt?: Date;
}

/**
 * Sends alerts to alerts.raw.v1 in Alertmanager's postable shape, labelled so the router can
 * group them by chain (`service`, `chain_id`, `chain`, `severity`).
 */
@Injectable()
export class AlertPublisher {
  constructor(private readonly producer: EventProducer) {}

  async publish(alert: IndexerAlert): Promise<void> {
    const data: RawAlert = {
      labels: {
        alertname: alert.name,
        severity: alert.severity,
        service: SERVICE_NAME,
        chain_id: String(alert.chainId),
        chain: alert.chain,
        ...(alert.labels ?? {}),
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
