import { Inject, Injectable, Logger } from '@nestjs/common';
import type { AttemptContext } from './attempt-context';
import { DeliveryActivity } from './delivery-activity';
import { runWithRetries } from './delivery-retry.util';
import { EmailReceiver } from './email.receiver';
import { errorMessageOf } from './error-message.util';
import { eventActionOf } from './pagerduty-event.util';
import { PagerDutyReceiver } from './pagerduty.receiver';
import type { ReceiverConfig } from './receiver-config.schema';
import { RECEIVER_DELIVERY_OPTIONS, type ReceiverDeliveryOptions } from './receiver-delivery.options';
import { ReceiverMetrics } from './receiver.metrics';
import type { DeliveryContext, DeliveryResult, IntegrationKind, WebhookMessage } from './receiver.types';
import type { AttemptOutcome } from './retry-policy.util';
import { preconnect } from './post-json.util';
import { withoutResolvedAlerts } from './send-resolved.util';
import { SlackReceiver } from './slack.receiver';
import { webhookBodyOf } from './webhook-payload.util';
import { WebhookReceiver } from './webhook.receiver';

// How long past its expected send a connection opened for a prepared notification is kept.
const PRECONNECT_MARGIN_MS = 2_000;

/** One integration's job: its identity, whether it wants resolved notices, and one attempt. */
interface IntegrationJob {
  integration: IntegrationKind;
  index: number;
  sendResolved: boolean;
  attempt: (message: WebhookMessage, ctx: AttemptContext) => Promise<AttemptOutcome>;
}

/**
 * Delivers one notification to every integration of a receiver, in parallel and each with its own
 * retries, so a failing or slow integration never holds up another. Never throws for a failed
 * integration: every outcome comes back as a DeliveryResult (and in metrics and logs).
 */
@Injectable()
export class ReceiverDelivery {
  private readonly logger = new Logger(ReceiverDelivery.name);

  constructor(
    private readonly slack: SlackReceiver,
    private readonly pagerDuty: PagerDutyReceiver,
    private readonly email: EmailReceiver,
    private readonly webhook: WebhookReceiver,
    private readonly metrics: ReceiverMetrics,
    @Inject(RECEIVER_DELIVERY_OPTIONS) private readonly options: ReceiverDeliveryOptions,
    private readonly activity: DeliveryActivity,
  ) {}

  /**
   * Sends `message` through each of the receiver's integrations. An integration with
   * `send_resolved: false` gets the message without its resolved alerts, and is `skipped` when
   * nothing fires; PagerDuty triggers while anything fires and resolves once all is resolved.
   */
  async deliver(
    receiver: ReceiverConfig,
    message: WebhookMessage,
    ctx: DeliveryContext = {},
  ): Promise<DeliveryResult[]> {
    const jobs: IntegrationJob[] = [
      ...receiver.slack_configs.map((config, index) => ({
        integration: 'slack' as const,
        index,
        sendResolved: config.send_resolved,
        attempt: (m: WebhookMessage, c: AttemptContext) => this.slack.send(config, m, c),
      })),
      ...receiver.pagerduty_configs.map((config, index) => ({
        integration: 'pagerduty' as const,
        index,
        sendResolved: config.send_resolved,
        attempt: (m: WebhookMessage, c: AttemptContext) =>
          this.pagerDuty.send(config, m, eventActionOf(m), c),
      })),
      ...receiver.email_configs.map((config, index) => ({
        integration: 'email' as const,
        index,
        sendResolved: config.send_resolved,
        attempt: (m: WebhookMessage, c: AttemptContext) => this.email.send(config, m, c),
      })),
      ...receiver.webhook_configs.map((config, index) => ({
        integration: 'webhook' as const,
        index,
        sendResolved: config.send_resolved,
        attempt: (m: WebhookMessage, c: AttemptContext) => this.webhook.send(config, m, c),
      })),
    ];
    return Promise.all(jobs.map((job) => this.run(receiver.name, job, message, ctx)));
  }

  /**
   * Builds ahead of time what `deliver(receiver, message)` will send where that does not depend on
   * the moment of sending: the webhook integrations' serialised bodies (kept with the message, so
   * delivering the same message object later finds them), and a connection to each plain-HTTP
   * webhook, kept for `sendInMs` plus a margin. Slack, PagerDuty and email messages carry the
   * acknowledgement link or the time of sending and are built when sent.
   */
  prepare(receiver: ReceiverConfig, message: WebhookMessage, sendInMs: number): void {
    for (const config of receiver.webhook_configs) {
      const toSend = config.send_resolved ? message : withoutResolvedAlerts(message);
      if (!toSend) continue;
      webhookBodyOf(config, toSend);
      if (config.url) preconnect(config.url, sendInMs + PRECONNECT_MARGIN_MS);
    }
  }

  /**
   * Forwards an acknowledgement of the group to each of the receiver's PagerDuty integrations as an
   * `acknowledge` event on the group's dedup_key. Other integrations have nothing to acknowledge.
   */
  async acknowledge(
    receiver: ReceiverConfig,
    message: WebhookMessage,
    ctx: Pick<DeliveryContext, 'signal'> = {},
  ): Promise<DeliveryResult[]> {
    return Promise.all(
      receiver.pagerduty_configs.map((config, index) =>
        this.run(
          receiver.name,
          {
            integration: 'pagerduty',
            index,
            sendResolved: true,
            attempt: (m, c) => this.pagerDuty.send(config, m, 'acknowledge', c),
          },
          message,
          ctx,
        ),
      ),
    );
  }

  private async run(
    receiver: string,
    job: IntegrationJob,
    message: WebhookMessage,
    ctx: DeliveryContext,
  ): Promise<DeliveryResult> {
    const { integration, index } = job;
    const { groupKey } = message;
    const toSend = job.sendResolved ? message : withoutResolvedAlerts(message);
    if (!toSend) {
      const skipped: DeliveryResult = { integration, index, outcome: 'skipped', attempts: 0 };
      this.metrics.recordResult(skipped);
      this.logger.debug({
        receiver,
        integration,
        index,
        groupKey,
        msg: 'resolved notification not sent (send_resolved: false)',
      });
      return skipped;
    }
    const startedAt = performance.now(); // real time for the metric, whatever timer the retries use
    const ended = this.activity.begin();
    let result: DeliveryResult;
    try {
      const run = await runWithRetries(
        (signal) => job.attempt(toSend, { signal, ...(ctx.ackUrl ? { ackUrl: ctx.ackUrl } : {}) }),
        {
          policy: this.options.retry,
          timer: this.options.timer,
          random: this.options.random,
          ...(ctx.signal ? { signal: ctx.signal } : {}),
          onAttempt: (outcome) => this.metrics.recordAttempt(integration, outcome),
        },
      );
      const { outcome } = run;
      result = {
        integration,
        index,
        outcome: outcome.kind === 'delivered' ? 'sent' : 'failed',
        attempts: run.attempts,
        ...(outcome.status === undefined ? {} : { status: outcome.status }),
        ...(outcome.kind === 'delivered' ? {} : { error: outcome.error }),
      };
    } catch (error) {
      // Only a bug gets here (attempts report failures as outcomes); it must still not block the others.
      result = { integration, index, outcome: 'failed', attempts: 0, error: errorMessageOf(error) };
    } finally {
      ended();
    }
    this.metrics.recordResult(result, (performance.now() - startedAt) / 1_000);
    // The log objects are built field by field (a spread of a shared one costs more on every send).
    if (result.outcome === 'failed') {
      this.logger.warn({
        receiver,
        integration,
        index,
        groupKey,
        attempts: result.attempts,
        status: result.status,
        error: result.error,
        msg: 'notification failed',
      });
    } else {
      this.logger.debug({
        receiver,
        integration,
        index,
        groupKey,
        attempts: result.attempts,
        status: result.status,
        msg: 'notification sent',
      });
    }
    return result;
  }
}
