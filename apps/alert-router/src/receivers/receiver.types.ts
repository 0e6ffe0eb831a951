/**
 * The contract between the dispatcher (which decides *when* and *what* to notify) and the receivers (which
 * decide *how* to deliver it). The dispatcher builds one `WebhookMessage` per aggregation-group flush and
 * receiver; `ReceiverDelivery` (receivers/) fans it out to every integration of that receiver.
 */

/** One alert inside a notification: Alertmanager's webhook `Alert` (template.Alert). */
export interface WebhookAlert {
  status: 'firing' | 'resolved';
  /** Shared with the stored alert: never modify. */
  labels: Readonly<Record<string, string>>;
  annotations: Readonly<Record<string, string>>;
  /** RFC 3339. */
  startsAt: string;
  /** RFC 3339; "0001-01-01T00:00:00Z" while firing without a known end, as Alertmanager sends it. */
  endsAt: string;
  generatorURL: string;
  fingerprint: string;
}

/** Alertmanager's webhook payload, version 4: what a flush of one aggregation group for one receiver is. */
export interface WebhookMessage {
  version: '4';
  groupKey: string;
  truncatedAlerts: number;
  status: 'firing' | 'resolved';
  receiver: string;
  groupLabels: Record<string, string>;
  commonLabels: Record<string, string>;
  commonAnnotations: Record<string, string>;
  externalURL: string;
  alerts: WebhookAlert[];
}

/** Extra context the dispatcher passes beside the message (not part of Alertmanager's payload). */
export interface DeliveryContext {
  /** A signed URL that acknowledges this group (rendered in Slack / email as a button or link). */
  ackUrl?: string;
  /** Aborted on shutdown: retries stop and the result reports the delivery as not done. */
  signal?: AbortSignal;
}

/** The outcome for one integration (e.g. the 2nd slack_config) of one receiver. */
export interface DeliveryResult {
  /** `slack` | `pagerduty` | `email` | `webhook`. */
  integration: IntegrationKind;
  /** Index of the integration among the receiver's configs of that kind (Alertmanager's `idx`). */
  index: number;
  /** Skipped: resolved message and `send_resolved: false` for this integration (logged, not sent). */
  outcome: 'sent' | 'skipped' | 'failed';
  attempts: number;
  /** Last HTTP status (or SMTP reply code), when there was one. */
  status?: number;
  error?: string;
}

export type IntegrationKind = 'slack' | 'pagerduty' | 'email' | 'webhook';
