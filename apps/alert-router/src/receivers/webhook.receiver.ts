import { Injectable } from '@nestjs/common';
import type { AttemptContext } from './attempt-context';
import { postJson } from './post-json.util';
import type { WebhookConfig } from './receiver-config.schema';
import type { WebhookMessage } from './receiver.types';
import type { AttemptOutcome } from './retry-policy.util';
import { readSecretFile } from './secret-file.util';
import { webhookBodyOf } from './webhook-payload.util';

/** Generic webhooks: Alertmanager's webhook JSON, one POST per attempt; any 2xx is success. */
@Injectable()
export class WebhookReceiver {
  async send(config: WebhookConfig, message: WebhookMessage, ctx: AttemptContext): Promise<AttemptOutcome> {
    const url = config.url ?? (await readSecretFile('url_file', config.url_file ?? ''));
    return postJson(url, webhookBodyOf(config, message), ctx.signal);
  }
}
