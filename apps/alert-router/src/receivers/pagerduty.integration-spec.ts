import { dedupKeyOf } from './pagerduty-event.util';
import type { PagerDutyEvent } from './pagerduty-event.util';
import { receiverConfigSchema } from './receiver-config.schema';
import type { LoopbackServer } from './testing/loopback-http.server';
import { type PagerDutyReply, startFakePagerDuty } from './testing/fake-pagerduty.server';
import { startReceiverDelivery } from './testing/receiver-delivery.testing';
import { messageOf, resolvedMessageOf } from './testing/webhook-message.fixture';

const ROUTING_KEY = 'e93facc04764012d7bfb002500d5d1a6';
const ACK = 'http://alert-router.example/api/v1/ack/g1?sig=abc';

describe('PagerDuty receiver against the Events API v2 on loopback', () => {
  let harness: Awaited<ReturnType<typeof startReceiverDelivery>>;
  let pagerDuty: LoopbackServer;

  const receiverFor = (extra: Record<string, unknown> = {}) =>
    receiverConfigSchema.parse({
      name: 'ops',
      pagerduty_configs: [{ routing_key: ROUTING_KEY, url: `${pagerDuty.url}/v2/enqueue`, ...extra }],
    });
  const startPagerDuty = async (script?: PagerDutyReply[]) => {
    pagerDuty = await startFakePagerDuty(script);
  };
  const events = () => pagerDuty.requests.map((request) => JSON.parse(request.body) as PagerDutyEvent);

  beforeEach(async () => {
    harness = await startReceiverDelivery();
  });
  afterEach(async () => {
    await pagerDuty?.close();
    await harness.close();
  });

  it('triggers and then resolves one PagerDuty alert under one dedup_key', async () => {
    await startPagerDuty();
    const receiver = receiverFor({ severity: '{{ .CommonLabels.severity }}' });
    const [triggered] = await harness.delivery.deliver(receiver, messageOf(), { ackUrl: ACK });
    const [resolved] = await harness.delivery.deliver(receiver, resolvedMessageOf(), { ackUrl: ACK });
    expect(triggered).toEqual({
      integration: 'pagerduty',
      index: 0,
      outcome: 'sent',
      attempts: 1,
      status: 202,
    });
    expect(resolved).toMatchObject({ outcome: 'sent', status: 202 });

    const [trigger, resolve] = events();
    const dedupKey = dedupKeyOf('{}:{alertname="HighLatency"}');
    expect(trigger).toMatchObject({
      routing_key: ROUTING_KEY,
      event_action: 'trigger',
      dedup_key: dedupKey,
      payload: {
        summary: '[FIRING:2] HighLatency (critical)',
        severity: 'critical',
        source: expect.any(String),
      },
      links: [{ href: ACK, text: 'Acknowledge' }],
    });
    expect(resolve).toMatchObject({ routing_key: ROUTING_KEY, event_action: 'resolve', dedup_key: dedupKey });
    expect(pagerDuty.requests[0]!.path).toBe('/v2/enqueue');
    expect(pagerDuty.requests[0]!.headers['content-type']).toBe('application/json');
  });

  it('sends an acknowledge event for the group on acknowledge()', async () => {
    await startPagerDuty();
    const receiver = receiverConfigSchema.parse({
      name: 'ops',
      slack_configs: [{ api_url: `${pagerDuty.url}/must-not-be-called` }],
      pagerduty_configs: [
        { routing_key: ROUTING_KEY, url: `${pagerDuty.url}/v2/enqueue` },
        { routing_key: ROUTING_KEY.replace(/^e/, 'f'), url: `${pagerDuty.url}/v2/enqueue` },
      ],
    });
    const results = await harness.delivery.acknowledge(receiver, messageOf());
    expect(results).toEqual([
      { integration: 'pagerduty', index: 0, outcome: 'sent', attempts: 1, status: 202 },
      { integration: 'pagerduty', index: 1, outcome: 'sent', attempts: 1, status: 202 },
    ]);
    expect(pagerDuty.requests.map((request) => request.path)).toEqual(['/v2/enqueue', '/v2/enqueue']);
    expect(events()).toEqual(
      expect.arrayContaining([
        {
          routing_key: ROUTING_KEY,
          event_action: 'acknowledge',
          dedup_key: dedupKeyOf(messageOf().groupKey),
        },
      ]),
    );
  });

  it('does not retry an event PagerDuty calls invalid, and reports its errors', async () => {
    await startPagerDuty();
    const receiver = receiverConfigSchema.parse({
      name: 'ops',
      pagerduty_configs: [{ routing_key: 'too-short', url: `${pagerDuty.url}/v2/enqueue` }],
    });
    const [result] = await harness.delivery.deliver(receiver, messageOf());
    expect(result).toMatchObject({ outcome: 'failed', attempts: 1, status: 400 });
    expect(result!.error).toContain('"status":"invalid event"');
    expect(result!.error).toContain("'routing_key' must be a 32 character string.");
    expect(pagerDuty.requests).toHaveLength(1);
  });

  it('retries a 500 and a throttling 429 until the event is processed', async () => {
    await startPagerDuty([{ status: 500 }, { status: 429, retryAfter: 2 }, 'accept']);
    const [result] = await harness.delivery.deliver(receiverFor(), messageOf());
    expect(result).toMatchObject({ outcome: 'sent', attempts: 3, status: 202 });
    expect(harness.timer.sleeps).toEqual([100, 2_000]);
    const [first, , third] = events();
    expect(third).toEqual(first);
  });

  it('sends resolve by default (send_resolved true) but not with send_resolved: false', async () => {
    await startPagerDuty();
    const [sent] = await harness.delivery.deliver(receiverFor(), resolvedMessageOf());
    const [skipped] = await harness.delivery.deliver(
      receiverFor({ send_resolved: false }),
      resolvedMessageOf(),
    );
    expect(sent).toMatchObject({ outcome: 'sent' });
    expect(skipped).toMatchObject({ outcome: 'skipped', attempts: 0 });
    expect(events().map((event) => event.event_action)).toEqual(['resolve']);
  });
});
