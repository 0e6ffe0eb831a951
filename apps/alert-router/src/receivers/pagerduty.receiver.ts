import { Injectable } from '@nestjs/common';
import type { AttemptContext } from './attempt-context';
import { type PagerDutyEventAction, pagerDutyEventOf } from './pagerduty-event.util';
import { postJson } from './post-json.util';
import { renderTemplate } from './notification-template.util';
import type { PagerDutyConfig } from './receiver-config.schema';
import type { WebhookMessage } from './receiver.types';
import type { AttemptOutcome } from './retry-policy.util';
import { readSecretFile } from './secret-file.util';

/**
 * PagerDuty Events API v2: one POST of an event per attempt. PagerDuty answers 202
 * `{"status":"success","dedup_key":...}`, 400 `{"status":"invalid event",...}` (permanent), 429 or
 * 5xx (retried).
 */
@Injectable()
export class PagerDutyReceiver {
  async send(
    config: PagerDutyConfig,
    message: WebhookMessage,
    action: PagerDutyEventAction,
    ctx: AttemptContext,
  ): Promise<AttemptOutcome> {
    const routingKey =
      config.routing_key === undefined
        ? await readSecretFile('routing_key_file', config.routing_key_file ?? '')
        : renderTemplate(config.routing_key, message);
    return postJson(
      config.url,
      pagerDutyEventOf(config, routingKey, message, action, ctx.ackUrl),
      ctx.signal,
    );
  }
}
