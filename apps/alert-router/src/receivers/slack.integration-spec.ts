import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { receiverConfigSchema } from './receiver-config.schema';
import type { SlackMessage } from './slack-message.util';
import { type SlackReply, startFakeSlack } from './testing/fake-slack.server';
import type { LoopbackServer } from './testing/loopback-http.server';
import { metricValue, startReceiverDelivery } from './testing/receiver-delivery.testing';
import { messageOf, resolvedMessageOf } from './testing/webhook-message.fixture';

const ACK = 'http://alert-router.example/api/v1/ack/g1?sig=abc';

describe('Slack receiver against a Slack incoming webhook on loopback', () => {
  let harness: Awaited<ReturnType<typeof startReceiverDelivery>>;
  let slack: LoopbackServer;

  const receiverFor = (extra: Record<string, unknown> = {}) =>
    receiverConfigSchema.parse({
      name: 'ops',
      slack_configs: [{ api_url: `${slack.url}/services/T0/B0/x`, ...extra }],
    });
  const startSlack = async (script?: SlackReply[]) => {
    slack = await startFakeSlack(script);
  };

  beforeEach(async () => {
    harness = await startReceiverDelivery();
  });
  afterEach(async () => {
    await slack?.close();
    await harness.close();
  });

  it('posts a Block Kit message with a text fallback and an Acknowledge button', async () => {
    await startSlack();
    const results = await harness.delivery.deliver(receiverFor({ channel: '#ops' }), messageOf(), {
      ackUrl: ACK,
    });
    expect(results).toEqual([{ integration: 'slack', index: 0, outcome: 'sent', attempts: 1, status: 200 }]);
    expect(slack.requests).toHaveLength(1);
    const [request] = slack.requests;
    expect(request).toMatchObject({ method: 'POST', path: '/services/T0/B0/x' });
    expect(request!.headers['content-type']).toBe('application/json');
    const posted = JSON.parse(request!.body) as SlackMessage;
    expect(posted.channel).toBe('#ops');
    expect(posted.text).toBe('[FIRING:2] HighLatency (critical)');
    expect(posted.blocks[0]).toMatchObject({
      type: 'header',
      text: { text: '[FIRING:2] HighLatency (critical)' },
    });
    expect(posted.blocks.at(-1)).toMatchObject({ type: 'actions', elements: [{ type: 'button', url: ACK }] });
  });

  it('waits the Retry-After of a 429 before trying again', async () => {
    await startSlack([{ rateLimitedFor: 3 }, 'ok']);
    const [result] = await harness.delivery.deliver(receiverFor(), messageOf());
    expect(result).toMatchObject({ outcome: 'sent', attempts: 2, status: 200 });
    expect(harness.timer.sleeps).toEqual([3_000]);
    expect(slack.requests).toHaveLength(2);
    expect(slack.requests[1]!.body).toBe(slack.requests[0]!.body);
  });

  it('retries a 500 with backoff', async () => {
    await startSlack([{ status: 500, error: 'rollup_error' }, { status: 500, error: 'rollup_error' }, 'ok']);
    const [result] = await harness.delivery.deliver(receiverFor(), messageOf());
    expect(result).toMatchObject({ outcome: 'sent', attempts: 3 });
    expect(harness.timer.sleeps).toEqual([100, 200]);
    expect(
      await metricValue(harness.registry, 'alert_router_notification_attempts_total', {
        integration: 'slack',
        result: 'retryable',
      }),
    ).toBe(2);
  });

  it('gives up on a persistent 500 after maxAttempts and reports the failure', async () => {
    await startSlack([{ status: 500, error: 'rollup_error' }]);
    const [result] = await harness.delivery.deliver(receiverFor(), messageOf());
    expect(result).toEqual({
      integration: 'slack',
      index: 0,
      outcome: 'failed',
      attempts: 4,
      status: 500,
      error: 'HTTP 500: rollup_error (gave up: 4 attempts made)',
    });
    expect(
      await metricValue(harness.registry, 'alert_router_notifications_total', {
        integration: 'slack',
        outcome: 'failed',
      }),
    ).toBe(1);
  });

  it.each([
    [404, 'channel_not_found'],
    [403, 'action_prohibited'],
    [410, 'channel_is_archived'],
  ])('does not retry a %i %s', async (status, error) => {
    await startSlack([{ status, error }, 'ok']);
    const [result] = await harness.delivery.deliver(receiverFor(), messageOf());
    expect(result).toMatchObject({
      outcome: 'failed',
      attempts: 1,
      status,
      error: `HTTP ${status}: ${error}`,
    });
    expect(slack.requests).toHaveLength(1);
    expect(harness.timer.sleeps).toEqual([]);
  });

  it('skips a resolved notification when send_resolved is false (the default)', async () => {
    await startSlack();
    const results = await harness.delivery.deliver(receiverFor(), resolvedMessageOf());
    expect(results).toEqual([{ integration: 'slack', index: 0, outcome: 'skipped', attempts: 0 }]);
    expect(slack.requests).toHaveLength(0);
    expect(
      await metricValue(harness.registry, 'alert_router_notifications_total', {
        integration: 'slack',
        outcome: 'skipped',
      }),
    ).toBe(1);
  });

  it('sends the resolved notice with send_resolved: true', async () => {
    await startSlack();
    const [result] = await harness.delivery.deliver(
      receiverFor({ send_resolved: true }),
      resolvedMessageOf(),
      {
        ackUrl: ACK,
      },
    );
    expect(result).toMatchObject({ outcome: 'sent' });
    const posted = JSON.parse(slack.requests[0]!.body) as SlackMessage;
    expect(posted.text).toBe('[RESOLVED] HighLatency (critical)');
    expect(posted.blocks.some((block) => block.type === 'actions')).toBe(false);
  });

  it('reads the webhook URL from api_url_file on each delivery', async () => {
    await startSlack();
    const dir = await mkdtemp(join(tmpdir(), 'slack-url-'));
    try {
      const file = join(dir, 'url');
      await writeFile(file, `${slack.url}/services/T0/B0/from-file\n`);
      const receiver = receiverConfigSchema.parse({ name: 'ops', slack_configs: [{ api_url_file: file }] });
      const [result] = await harness.delivery.deliver(receiver, messageOf());
      expect(result).toMatchObject({ outcome: 'sent' });
      expect(slack.requests[0]!.path).toBe('/services/T0/B0/from-file');

      await rm(file);
      const [missing] = await harness.delivery.deliver(receiver, messageOf());
      expect(missing).toMatchObject({ outcome: 'failed', attempts: 1 });
      expect(missing!.error).toMatch(/^cannot read api_url_file .*\/url: ENOENT: no such file or directory/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
