import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { parseOrBadRequest } from '@convergence/service-kit';
import { AlertIntakeService } from '../dispatcher/alert-intake.service';
import { incomingAlertsOfWebhook, webhookPayloadSchema } from './webhook-payload.schema';

/**
 * `POST /api/v1/webhook`: takes Alertmanager's webhook payload v4, so an existing Alertmanager
 * can forward to the router (a `webhook_configs` entry pointing here).
 */
@Controller('api/v1/webhook')
export class WebhookInputController {
  constructor(private readonly intake: AlertIntakeService) {}

  @Post()
  @HttpCode(200)
  async post(@Body() body: unknown): Promise<{ alerts: number }> {
    const payload = parseOrBadRequest(webhookPayloadSchema, body, 'invalid webhook payload');
    const stored = await this.intake.ingest(incomingAlertsOfWebhook(payload), 'webhook');
    return { alerts: stored.length };
  }
}
