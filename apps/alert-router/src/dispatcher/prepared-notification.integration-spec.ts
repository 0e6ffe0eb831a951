import { randomBytes } from 'node:crypto';
import { createWorkerDatabase } from '@convergence/dev-stack';
import type { FlushBatch } from '../grouping/aggregation-group.machine';
import { ReceiverDelivery, type WebhookMessage } from '../receivers';
import { type RouterUnderTest, startRouter } from '../testing/router-harness';
import { type WebhookSink, startWebhookSink } from '../testing/webhook-sink';
import { ManualTime } from '../time/manual-time';
import { batchMessageOf } from './batch-message.util';
import { FlushPipeline } from './flush-pipeline.service';

const SECOND = 1000;
const DAY = 24 * 60 * 60 * SECOND;

function configOf(sink: string, externalUrl = 'http://router.test'): string {
  return `
global:
  external_url: ${externalUrl}
route:
  receiver: ops
  group_by: [alertname]
  group_wait: 30s
  group_interval: 5m
  repeat_interval: 4h
receivers:
  - name: ops
    webhook_configs: [{ url: '${sink}/ops' }]
`;
}

// A group's notification is prepared 1 s before its flush moment (group_wait 30 s): these tests
// change the group (or what mutes it) between that moment and the flush, and check that the flush
// sends what a notification built at the flush moment would — never the stale prepared one.
describe('alert-router notifications prepared ahead of the flush moment', () => {
  const time = new ManualTime(new Date('2030-03-01T00:00:00.000Z'));
  const schema = `ar_prep_${randomBytes(3).toString('hex')}`;
  let sink: WebhookSink;
  let router: RouterUnderTest;
  let prepared: FlushBatch[];
  let delivered: WebhookMessage[];

  beforeAll(async () => {
    sink = await startWebhookSink();
    router = await startRouter({
      databaseUrl: await createWorkerDatabase(),
      schema,
      config: configOf(sink.url),
      time,
      env: { ALERT_ROUTER_PREPARE_LEAD_MS: '1000' },
    });
    const pipeline = router.app.get(FlushPipeline);
    const prepare = pipeline.prepare.bind(pipeline);
    jest.spyOn(pipeline, 'prepare').mockImplementation((batch, sendInMs) => {
      prepared.push(batch);
      prepare(batch, sendInMs);
    });
    const delivery = router.app.get(ReceiverDelivery);
    const deliver = delivery.deliver.bind(delivery);
    jest.spyOn(delivery, 'deliver').mockImplementation((receiver, message, ctx) => {
      delivered.push(message);
      return deliver(receiver, message, ctx);
    });
  });
  beforeEach(() => {
    prepared = [];
    delivered = [];
  });
  afterAll(async () => {
    await router?.close();
    await sink?.close();
  });

  const at = (ms: number) => new Date(time.clock().getTime() + ms).toISOString();
  const post = async (labels: Record<string, string>, endsAtMs = DAY) => {
    const response = await router.post('/api/v2/alerts', [{ labels, startsAt: at(0), endsAt: at(endsAtMs) }]);
    expect(response.status).toBe(200);
  };
  const sent = (alertname: string) =>
    sink.messages('/ops').filter((m) => m.groupLabels['alertname'] === alertname);
  const names = (message: WebhookMessage | undefined) =>
    message?.alerts.map((a) => `${a.labels['instance']}:${a.status}`);
  /** Posts the group's first alert and moves to half a second before its flush, past its preparation. */
  const preparedGroup = async (alertname: string, instances: string[]) => {
    for (const instance of instances) await post({ alertname, instance });
    await time.advanceBy(29.5 * SECOND);
    const batch = prepared.find((b) => b.groupLabels['alertname'] === alertname);
    expect(batch?.alerts.map((a) => a.labels['instance'])).toEqual(instances);
    return batch!;
  };

  it('sends the prepared message itself when nothing changed before the flush', async () => {
    const batch = await preparedGroup('Unchanged', ['a', 'b']);
    await time.advanceBy(0.5 * SECOND);
    expect(names(sent('Unchanged')[0])).toEqual(['a:firing', 'b:firing']);
    const message = delivered.find((m) => m.groupLabels['alertname'] === 'Unchanged');
    expect(message).toBe(batchMessageOf(batch, 'http://router.test'));
  });

  it('sends an alert that joined the group after the notification was prepared', async () => {
    const batch = await preparedGroup('Joined', ['a']);
    await post({ alertname: 'Joined', instance: 'b' });
    await time.advanceBy(0.5 * SECOND);
    expect(sent('Joined')).toHaveLength(1);
    expect(names(sent('Joined')[0])).toEqual(['a:firing', 'b:firing']);
    const message = delivered.find((m) => m.groupLabels['alertname'] === 'Joined');
    expect(message).not.toBe(batchMessageOf(batch, 'http://router.test'));
  });

  it('sends an alert resolved after the notification was prepared as resolved', async () => {
    await preparedGroup('Resolved', ['a', 'b']);
    await post({ alertname: 'Resolved', instance: 'b' }, 0);
    await time.advanceBy(0.5 * SECOND);
    expect(names(sent('Resolved')[0])).toEqual(['a:firing', 'b:resolved']);
  });

  it('leaves out an alert silenced after the notification was prepared', async () => {
    await preparedGroup('Silenced', ['a', 'b']);
    const silence = await router.post('/api/v2/silences', {
      matchers: [{ name: 'instance', value: 'b', isRegex: false, isEqual: true }],
      startsAt: at(0),
      endsAt: at(60 * 60 * SECOND),
      createdBy: 'sre',
      comment: 'silenced between preparation and flush',
    });
    expect(silence.status).toBe(200);
    await time.advanceBy(0.5 * SECOND);
    expect(names(sent('Silenced')[0])).toEqual(['a:firing']);
    expect(sent('Silenced')[0]?.commonLabels).toEqual({ alertname: 'Silenced', instance: 'a' });
  });

  it('sends with the reloaded config when it changed after the notification was prepared', async () => {
    await preparedGroup('Reloaded', ['a']);
    router.writeConfig(configOf(sink.url, 'http://moved.test'));
    expect((await router.post('/-/reload', {})).status).toBe(200);
    await time.advanceBy(0.5 * SECOND);
    expect(sent('Reloaded')).toHaveLength(1);
    expect(sent('Reloaded')[0]?.externalURL).toBe('http://moved.test');
  });
});
