import { serviceEnvSchema } from '@convergence/config';
import { z } from 'zod';
import { receiverEnvShape } from '../receivers';

export const SERVICE_NAME = 'alert-router';

/** Every variable alert-router reads; documented in .env.example. */
export const envSchema = serviceEnvSchema({ port: 3004, schema: 'alert_router' }).extend({
  ...receiverEnvShape,
  /** The routing config (alertmanager.yml shape); relative paths resolve from the working directory. */
  ALERT_ROUTER_CONFIG_FILE: z.string().min(1).default('apps/alert-router/alert-router.yml'),
  /** Secret (redacted): HMAC key of signed acknowledgement links; without it no links are sent. */
  ALERT_ROUTER_ACK_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /** How long a signed acknowledgement link stays valid, in seconds. */
  ALERT_ROUTER_ACK_LINK_TTL_SECONDS: z.coerce
    .number()
    .int()
    .min(60)
    .max(30 * 86_400)
    .default(7 * 86_400),
  /**
   * How long before a group's flush moment its notification is prepared (message and request body
   * built), in ms; 0 builds it at the flush moment. A change meanwhile has it prepared again.
   */
  ALERT_ROUTER_PREPARE_LEAD_MS: z.coerce.number().int().min(0).max(600_000).default(5_000),
  /** Relay `alerts.notification.v1` from the outbox in this replica. */
  ALERT_ROUTER_OUTBOX_RELAY: z
    .enum(['true', 'false'], { message: 'must be true or false' })
    .default('true')
    .transform((v) => v === 'true'),
});

export type AlertRouterEnv = z.infer<typeof envSchema>;
