import { eventually } from '@convergence/messaging/testing';
import { receiverConfigSchema } from './receiver-config.schema';
import type { WebhookMessage } from './receiver.types';
import type { SlackMessage } from './slack-message.util';
import { startFakePagerDuty } from './testing/fake-pagerduty.server';
import { startFakeSlack } from './testing/fake-slack.server';
import { type LoopbackServer, startLoopbackServer } from './testing/loopback-http.server';
import { type LoopbackSmtp, startLoopbackSmtp } from './testing/loopback-smtp.server';
import { metricValue, startReceiverDelivery } from './testing/receiver-delivery.testing';
import { alertOf, messageOf } from './testing/webhook-message.fixture';

const ROUTING_KEY = 'e93facc04764012d7bfb002500d5d1a6';

describe('ReceiverDelivery fan-out', () => {
  let harness: Awaited<ReturnType<typeof startReceiverDelivery>>;
  let slack: LoopbackServer;
  let pagerDuty: LoopbackServer;
  let smtp: LoopbackSmtp;
  const servers: { close(): Promise<void> }[] = [];

  beforeEach(async () => {
    harness = await startReceiverDelivery();
    slack = await startFakeSlack();
    pagerDuty = await startFakePagerDuty();
    smtp = await startLoopbackSmtp();
    servers.push(slack, pagerDuty, smtp);
  });
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => server.close()));
    await harness.close();
  });

  /** A webhook endpoint that holds every request until released. */
  async function startHangingEndpoint() {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const server = await startLoopbackServer(async () => {
      await released;
      return { status: 200 };
    });
    servers.push({ close: () => (release(), server.close()) });
    return { server, release };
  }

  it('delivers to every integration of a receiver and reports each, in config order', async () => {
    const webhook = await startLoopbackServer(() => ({ status: 200 }));
    servers.push(webhook);
    const receiver = receiverConfigSchema.parse({
      name: 'ops',
      slack_configs: [{ api_url: slack.url }, { api_url: `${slack.url}/second` }],
      pagerduty_configs: [{ routing_key: ROUTING_KEY, url: pagerDuty.url }],
      email_configs: [
        { to: 'a@example.com', from: 'b@example.com', smarthost: smtp.smarthost, require_tls: false },
      ],
      webhook_configs: [{ url: webhook.url }],
    });
    const results = await harness.delivery.deliver(receiver, messageOf());
    expect(results.map(({ integration, index, outcome }) => [integration, index, outcome])).toEqual([
      ['slack', 0, 'sent'],
      ['slack', 1, 'sent'],
      ['pagerduty', 0, 'sent'],
      ['email', 0, 'sent'],
      ['webhook', 0, 'sent'],
    ]);
    expect([
      slack.requests.length,
      pagerDuty.requests.length,
      smtp.mails.length,
      webhook.requests.length,
    ]).toEqual([2, 1, 1, 1]);
    const duration = 'alert_router_notification_duration_seconds';
    for (const integration of ['slack', 'pagerduty', 'email', 'webhook']) {
      const labels = { integration, outcome: 'sent' };
      expect(await metricValue(harness.registry, duration, labels, `${duration}_count`)).toBe(
        integration === 'slack' ? 2 : 1,
      );
      expect(await metricValue(harness.registry, duration, labels, `${duration}_sum`)).toBeGreaterThan(0);
    }
    expect(
      await metricValue(harness.registry, 'alert_router_notifications_total', {
        integration: 'slack',
        outcome: 'sent',
      }),
    ).toBe(2);
  });

  it('does not let a slow integration hold up the others', async () => {
    const { server: hanging, release } = await startHangingEndpoint();
    const receiver = receiverConfigSchema.parse({
      name: 'ops',
      webhook_configs: [{ url: hanging.url }],
      slack_configs: [{ api_url: slack.url }],
    });
    const delivery = harness.delivery.deliver(receiver, messageOf());
    // Slack is delivered while the webhook's request is still held open by its server.
    await eventually(
      async () => (slack.requests.length === 1 && hanging.requests.length === 1 ? true : undefined),
      10_000,
    );
    release();
    await expect(delivery).resolves.toEqual([
      { integration: 'slack', index: 0, outcome: 'sent', attempts: 1, status: 200 },
      { integration: 'webhook', index: 0, outcome: 'sent', attempts: 1, status: 200 },
    ]);
  });

  it('does not let a failing integration hold up or fail the others, and never throws', async () => {
    const broken = await startLoopbackServer(() => ({ status: 500, body: 'down' }));
    servers.push(broken);
    const receiver = receiverConfigSchema.parse({
      name: 'ops',
      webhook_configs: [{ url: broken.url }],
      pagerduty_configs: [{ routing_key: ROUTING_KEY, url: pagerDuty.url }],
    });
    const results = await harness.delivery.deliver(receiver, messageOf());
    expect(results).toEqual([
      { integration: 'pagerduty', index: 0, outcome: 'sent', attempts: 1, status: 202 },
      expect.objectContaining({ integration: 'webhook', outcome: 'failed', attempts: 4, status: 500 }),
    ]);
    expect(pagerDuty.requests).toHaveLength(1);
  });

  it('sends integrations without send_resolved only the alerts still firing', async () => {
    const webhook = await startLoopbackServer(() => ({ status: 200 }));
    servers.push(webhook);
    const receiver = receiverConfigSchema.parse({
      name: 'ops',
      slack_configs: [{ api_url: slack.url }],
      webhook_configs: [{ url: webhook.url }],
    });
    const mixed = messageOf({
      alerts: [
        alertOf({ alertname: 'HighLatency', service: 'api', severity: 'critical' }),
        alertOf({ alertname: 'HighLatency', service: 'web', severity: 'critical' }, { status: 'resolved' }),
      ],
    });
    await harness.delivery.deliver(receiver, mixed);
    const toSlack = JSON.parse(slack.requests[0]!.body) as SlackMessage;
    expect(toSlack.blocks.filter((block) => block.type === 'section')).toHaveLength(1);
    expect(toSlack.text).toBe('[FIRING:1] HighLatency (api critical)');
    const toWebhook = JSON.parse(webhook.requests[0]!.body) as WebhookMessage;
    expect(toWebhook.alerts.map((alert) => alert.status)).toEqual(['firing', 'resolved']);
  });

  it('stops retrying when the caller aborts (shutdown)', async () => {
    const controller = new AbortController();
    const failing = await startLoopbackServer(() => {
      controller.abort();
      return { status: 503 };
    });
    servers.push(failing);
    const receiver = receiverConfigSchema.parse({ name: 'ops', webhook_configs: [{ url: failing.url }] });
    const [result] = await harness.delivery.deliver(receiver, messageOf(), { signal: controller.signal });
    expect(result).toMatchObject({ outcome: 'failed', attempts: 1 });
    expect(result!.error).toMatch(/^delivery aborted after 1 attempt/);
    expect(failing.requests).toHaveLength(1);
  });
});
