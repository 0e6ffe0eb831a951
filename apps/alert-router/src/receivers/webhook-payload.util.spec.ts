import { webhookConfigSchema } from './receiver-config.schema';
import { messageOf } from './testing/webhook-message.fixture';
import { webhookBodyOf, webhookPayloadOf } from './webhook-payload.util';

const config = (extra: Record<string, unknown> = {}) =>
  webhookConfigSchema.parse({ url: 'http://h.example', ...extra });

describe(webhookPayloadOf.name, () => {
  it('writes Alertmanager`s webhook JSON with its keys in Alertmanager`s order', () => {
    const payload = webhookPayloadOf(config(), messageOf());
    expect(Object.keys(payload)).toEqual([
      'receiver',
      'status',
      'alerts',
      'groupLabels',
      'commonLabels',
      'commonAnnotations',
      'externalURL',
      'version',
      'groupKey',
      'truncatedAlerts',
    ]);
    expect(Object.keys(payload.alerts[0]!)).toEqual([
      'status',
      'labels',
      'annotations',
      'startsAt',
      'endsAt',
      'generatorURL',
      'fingerprint',
    ]);
    expect(payload).toEqual(messageOf());
  });

  it('keeps the first max_alerts alerts and counts the others in truncatedAlerts', () => {
    const payload = webhookPayloadOf(config({ max_alerts: 1 }), messageOf({ truncatedAlerts: 2 }));
    expect(payload.alerts.map((alert) => alert.labels['service'])).toEqual(['api']);
    expect(payload.truncatedAlerts).toBe(3);
  });

  it('sends every alert when max_alerts is 0 or not reached', () => {
    expect(webhookPayloadOf(config(), messageOf()).alerts).toHaveLength(2);
    expect(webhookPayloadOf(config({ max_alerts: 5 }), messageOf())).toMatchObject({ truncatedAlerts: 0 });
  });
});

describe(webhookBodyOf.name, () => {
  it('serialises the payload once per message and config', () => {
    const message = messageOf();
    const first = config();
    const truncating = config({ max_alerts: 1 });
    const body = webhookBodyOf(first, message);
    expect(body.text).toBe(JSON.stringify(webhookPayloadOf(first, message)));
    expect(body.bytes).toBe(Buffer.byteLength(body.text));
    expect(webhookBodyOf(first, message)).toBe(body);
    expect(JSON.parse(webhookBodyOf(truncating, message).text)).toMatchObject({ truncatedAlerts: 1 });
    // Another message (what a changed group builds) gets its own body.
    const changed = messageOf({ status: 'resolved' });
    expect(JSON.parse(webhookBodyOf(first, changed).text)).toMatchObject({ status: 'resolved' });
  });

  it('serialises non-ASCII text with its byte length', () => {
    const body = webhookBodyOf(config(), messageOf({ receiver: 'équipe' }));
    expect(body.bytes).toBe(body.text.length + 1);
  });
});
