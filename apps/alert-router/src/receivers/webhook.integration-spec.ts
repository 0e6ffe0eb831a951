import { receiverConfigSchema } from './receiver-config.schema';
import type { WebhookMessage } from './receiver.types';
import {
  type LoopbackReply,
  type LoopbackServer,
  scriptedReplies,
  startLoopbackServer,
} from './testing/loopback-http.server';
import { startReceiverDelivery } from './testing/receiver-delivery.testing';
import { messageOf, resolvedMessageOf } from './testing/webhook-message.fixture';

describe('webhook receiver against an HTTP endpoint on loopback', () => {
  let harness: Awaited<ReturnType<typeof startReceiverDelivery>>;
  let endpoint: LoopbackServer;

  const receiverFor = (extra: Record<string, unknown> = {}) =>
    receiverConfigSchema.parse({
      name: 'ops',
      webhook_configs: [{ url: `${endpoint.url}/alerts`, ...extra }],
    });
  const startEndpoint = async (script: LoopbackReply[] = [{ status: 200 }]) => {
    endpoint = await startLoopbackServer(scriptedReplies(script));
  };

  beforeEach(async () => {
    harness = await startReceiverDelivery();
  });
  afterEach(async () => {
    await endpoint?.close();
    await harness.close();
  });

  it('posts Alertmanager`s webhook JSON, byte for byte', async () => {
    await startEndpoint();
    const message = messageOf();
    const [result] = await harness.delivery.deliver(receiverFor(), message);
    expect(result).toEqual({ integration: 'webhook', index: 0, outcome: 'sent', attempts: 1, status: 200 });
    const [request] = endpoint.requests;
    expect(request).toMatchObject({ method: 'POST', path: '/alerts' });
    expect(request!.headers['content-type']).toBe('application/json');
    expect(request!.body).toBe(
      JSON.stringify({
        receiver: 'ops',
        status: 'firing',
        alerts: message.alerts,
        groupLabels: message.groupLabels,
        commonLabels: message.commonLabels,
        commonAnnotations: message.commonAnnotations,
        externalURL: message.externalURL,
        version: '4',
        groupKey: message.groupKey,
        truncatedAlerts: 0,
      }),
    );
  });

  it('truncates to max_alerts and says how many were left out', async () => {
    await startEndpoint();
    await harness.delivery.deliver(receiverFor({ max_alerts: 1 }), messageOf());
    const posted = JSON.parse(endpoint.requests[0]!.body) as WebhookMessage;
    expect(posted.alerts).toHaveLength(1);
    expect(posted.truncatedAlerts).toBe(1);
  });

  it('retries 503 and 429 but not 404', async () => {
    await startEndpoint([{ status: 503 }, { status: 429 }, { status: 204 }]);
    const [retried] = await harness.delivery.deliver(receiverFor(), messageOf());
    expect(retried).toMatchObject({ outcome: 'sent', attempts: 3, status: 204 });
    await endpoint.close();

    await startEndpoint([{ status: 404, body: 'no such hook' }, { status: 200 }]);
    const [notRetried] = await harness.delivery.deliver(receiverFor(), messageOf());
    expect(notRetried).toMatchObject({
      outcome: 'failed',
      attempts: 1,
      status: 404,
      error: 'HTTP 404: no such hook',
    });
    expect(endpoint.requests).toHaveLength(1);
  });

  it('sends resolved notifications by default', async () => {
    await startEndpoint();
    const [result] = await harness.delivery.deliver(receiverFor(), resolvedMessageOf());
    expect(result).toMatchObject({ outcome: 'sent' });
    expect((JSON.parse(endpoint.requests[0]!.body) as WebhookMessage).status).toBe('resolved');
  });

  it('retries a connection refused as a network error', async () => {
    await startEndpoint();
    const url = `${endpoint.url}/alerts`;
    await endpoint.close();
    const receiver = receiverConfigSchema.parse({ name: 'ops', webhook_configs: [{ url }] });
    const [result] = await harness.delivery.deliver(receiver, messageOf());
    expect(result).toMatchObject({ outcome: 'failed', attempts: 4 });
    expect(result).not.toHaveProperty('status');
    expect(result!.error).toMatch(
      /^fetch failed: connect ECONNREFUSED 127\.0\.0\.1:\d+ \(gave up: 4 attempts made\)$/,
    );
  });
});
