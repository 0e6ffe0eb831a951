import { randomBytes } from 'node:crypto';
import { createWorkerDatabase } from '@convergence/dev-stack';
import { createKafkaClient } from '@convergence/messaging';
import { readTopicUntil } from '@convergence/messaging/testing';
import { topics } from '@convergence/schemas';
import type { WebhookMessage } from '../receivers';
import { type RouterUnderTest, startRouter } from '../testing/router-harness';
import { type WebhookSink, startWebhookSink } from '../testing/webhook-sink';
import { ManualTime } from '../time/manual-time';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

interface PagerDutyEvent {
  event_action: string;
  dedup_key: string;
  routing_key: string;
  links?: { href: string; text?: string }[];
}

function configOf(sink: string): string {
  return `
global:
  external_url: http://router.test
route:
  receiver: oncall
  group_by: [alertname]
  group_wait: 30s
  group_interval: 5m
  repeat_interval: 4h
  escalation_policy: page-up
receivers:
  - name: oncall
    pagerduty_configs: [{ routing_key: oncall-key, url: '${sink}/pd' }]
  - name: lead
    webhook_configs: [{ url: '${sink}/lead' }]
  - name: manager
    pagerduty_configs: [{ routing_key: manager-key, url: '${sink}/pd-manager' }]
escalation_policies:
  - name: page-up
    steps:
      - { receiver: lead, wait: 10m }
      - { receiver: manager, wait: 20m }
    repeat: 1
`;
}

describe('alert-router escalation and acknowledgement', () => {
  const schema = `ar_esc_${randomBytes(3).toString('hex')}`;
  const time = new ManualTime(new Date('2030-03-01T00:00:00.000Z'));
  let sink: WebhookSink;
  let router: RouterUnderTest;

  beforeAll(async () => {
    sink = await startWebhookSink();
    router = await startRouter({
      databaseUrl: await createWorkerDatabase(),
      schema,
      config: configOf(sink.url),
      time,
      env: { ALERT_ROUTER_ACK_SECRET: randomBytes(32).toString('hex'), ALERT_ROUTER_OUTBOX_RELAY: 'true' },
    });
  });
  afterAll(async () => {
    await router?.close();
    await sink?.close();
  });

  const fire = async (alertname: string) => {
    const startsAt = time.clock().toISOString();
    const endsAt = new Date(time.clock().getTime() + 24 * HOUR).toISOString();
    expect((await router.post('/api/v2/alerts', [{ labels: { alertname }, startsAt, endsAt }])).status).toBe(
      200,
    );
  };
  const lead = (alertname: string): WebhookMessage[] =>
    sink.messages('/lead').filter((m) => m.groupLabels['alertname'] === alertname);
  const paged = (path: string, dedupKey?: string) =>
    sink.requests
      .filter((r) => r.path === path)
      .map((r) => r.body as PagerDutyEvent)
      .filter((event) => dedupKey === undefined || event.dedup_key === dedupKey);
  /** The dedup key PagerDuty got for the group's first trigger (the last one sent at that moment). */
  const firstTrigger = () => paged('/pd').at(-1)!;

  it('advances through the steps while nobody acknowledges, and stops when the policy is exhausted', async () => {
    await fire('EscNoAck');
    await time.advanceBy(30 * SECOND);
    const trigger = firstTrigger();
    expect(trigger).toMatchObject({ event_action: 'trigger', routing_key: 'oncall-key' });

    await time.advanceBy(10 * MINUTE - 1);
    expect(lead('EscNoAck')).toHaveLength(0);
    await time.advanceBy(1);
    expect(lead('EscNoAck')).toHaveLength(1);

    await time.advanceBy(20 * MINUTE);
    expect(paged('/pd-manager', trigger.dedup_key).map((e) => e.event_action)).toEqual(['trigger']);

    // repeat: 1 — one more round, then nothing.
    await time.advanceBy(30 * MINUTE);
    expect(lead('EscNoAck')).toHaveLength(2);
    expect(paged('/pd-manager', trigger.dedup_key)).toHaveLength(2);
    await time.advanceBy(2 * HOUR);
    expect(lead('EscNoAck')).toHaveLength(2);
    expect(paged('/pd-manager', trigger.dedup_key)).toHaveLength(2);

    const audit = await router.get<{ reason: string; receiver: string }[]>(
      '/api/v1/history/notifications?label=alertname=EscNoAck&kind=escalation',
    );
    expect(audit.map((a) => `${a.receiver}:${a.reason}`).reverse()).toEqual([
      'lead:escalation-step-1',
      'manager:escalation-step-2',
      'lead:escalation-step-1',
      'manager:escalation-step-2',
    ]);
  });

  it('stops on acknowledgement through the API, forwards it to PagerDuty and pauses repeats', async () => {
    await fire('EscAcked');
    await time.advanceBy(30 * SECOND);
    const trigger = firstTrigger();
    await time.advanceBy(10 * MINUTE);
    const [stepOne] = lead('EscAcked');
    expect(stepOne).toBeDefined();

    const response = await router.post('/api/v1/acknowledgements', {
      groupKey: stepOne!.groupKey,
      ackedBy: 'alice',
      comment: 'looking at it',
    });
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({
      groupKey: stepOne!.groupKey,
      ackedBy: 'alice',
      escalationStopped: true,
      forwarded: [{ receiver: 'oncall', integration: 'pagerduty', outcome: 'sent' }],
    });
    expect(paged('/pd', trigger.dedup_key).map((e) => e.event_action)).toEqual(['trigger', 'acknowledge']);

    await time.advanceBy(1 * HOUR);
    expect(paged('/pd-manager', trigger.dedup_key)).toHaveLength(0);
    expect(lead('EscAcked')).toHaveLength(1);
    // The acknowledged group is not repeated after repeat_interval either.
    await time.advanceBy(4 * HOUR);
    expect(paged('/pd', trigger.dedup_key).map((e) => e.event_action)).toEqual(['trigger', 'acknowledge']);
  });

  it('acknowledges through the signed link in the notification, and refuses a forged one', async () => {
    await fire('EscLink');
    await time.advanceBy(30 * SECOND);
    const trigger = firstTrigger();
    const href = trigger.links?.find((link) => link.text === 'Acknowledge')?.href ?? '';
    expect(href).toMatch(/^http:\/\/router\.test\/ack\//);
    const local = href.replace('http://router.test', router.url);

    const page = await fetch(local);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<form method="post">');
    const forged = `${local.slice(0, -4)}AAAA`;
    expect((await fetch(forged, { method: 'POST' })).status).toBe(403);
    expect((await fetch(local, { method: 'POST' })).status).toBe(200);

    await time.advanceBy(15 * MINUTE);
    expect(lead('EscLink')).toHaveLength(0);
    expect(paged('/pd', trigger.dedup_key).map((e) => e.event_action)).toEqual(['trigger', 'acknowledge']);
  });

  it('ends the escalation when the group resolves', async () => {
    await fire('EscResolves');
    await time.advanceBy(30 * SECOND);
    const trigger = firstTrigger();
    const endsAt = time.clock().toISOString();
    await router.post('/api/v2/alerts', [{ labels: { alertname: 'EscResolves' }, endsAt }]);
    await time.advanceBy(5 * MINUTE);
    expect(paged('/pd', trigger.dedup_key).map((e) => e.event_action)).toEqual(['trigger', 'resolve']);
    await time.advanceBy(30 * MINUTE);
    expect(lead('EscResolves')).toHaveLength(0);
  });

  it('emits every notification and escalation step as alerts.notification.v1 through the outbox', async () => {
    const kafka = createKafkaClient({
      serviceName: 'alert-router-test',
      brokers: (process.env['KAFKA_BROKERS'] ?? '').split(','),
      topicPartitions: 3,
      replicationFactor: 1,
    });
    const [stepMessage] = lead('EscNoAck');
    const groupKey = stepMessage!.groupKey;
    const events = await readTopicUntil(
      kafka,
      topics.alertsNotification.name,
      (seen) =>
        seen.filter((m) => m.message.value?.toString().includes(JSON.stringify(groupKey).slice(1, -1)))
          .length >= 5,
    );
    const ours = events
      .map((m) => JSON.parse(m.message.value!.toString()) as { data: Record<string, unknown> })
      .filter((e) => e.data['groupKey'] === groupKey)
      .map((e) => `${String(e.data['receiver'])}:${String(e.data['kind'])}:${String(e.data['success'])}`);
    expect(ours).toEqual([
      'oncall:notification:true',
      'lead:escalation:true',
      'manager:escalation:true',
      'lead:escalation:true',
      'manager:escalation:true',
    ]);
  });
});
