import { Injectable } from '@nestjs/common';
import type { AttemptContext } from './attempt-context';
import { postJson } from './post-json.util';
import type { SlackConfig } from './receiver-config.schema';
import type { WebhookMessage } from './receiver.types';
import type { AttemptOutcome } from './retry-policy.util';
import { readSecretFile } from './secret-file.util';
import { slackMessageOf } from './slack-message.util';

/**
 * Slack incoming webhooks: one POST of a Block Kit message per attempt. Slack answers `ok`, or
 * 4xx text such as `invalid_payload` (permanent), 429 with Retry-After, or 5xx (both retried).
 */
@Injectable()
export class SlackReceiver {
  async send(config: SlackConfig, message: WebhookMessage, ctx: AttemptContext): Promise<AttemptOutcome> {
    const url = config.api_url ?? (await readSecretFile('api_url_file', config.api_url_file ?? ''));
    return postJson(url, slackMessageOf(config, message, ctx.ackUrl), ctx.signal);
  }
}
