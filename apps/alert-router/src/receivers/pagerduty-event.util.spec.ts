import {
  DEFAULT_PAGERDUTY_CLIENT,
  dedupKeyOf,
  eventActionOf,
  pagerDutyEventOf,
} from './pagerduty-event.util';
import { pagerDutyConfigSchema } from './receiver-config.schema';
import { messageOf, resolvedMessageOf } from './testing/webhook-message.fixture';

const KEY = 'R0UT1NGKEY0000000000000000000000';
const config = (extra: Record<string, unknown> = {}) =>
  pagerDutyConfigSchema.parse({ routing_key: KEY, ...extra });
const ACK = 'http://alert-router.example/api/v1/ack/abc?sig=1';

describe(dedupKeyOf.name, () => {
  it('is the SHA-256 hex of the group key, as Alertmanager`s notify.Key.Hash', () => {
    // printf '%s' '{}:{alertname="HighLatency"}' | sha256sum
    expect(dedupKeyOf('{}:{alertname="HighLatency"}')).toBe(
      'd4061866bc333de2350285b0452a21f78349e3d63b4f06b6c956f64f95d7be36',
    );
  });
});

describe(eventActionOf.name, () => {
  it('triggers while anything fires and resolves once everything resolved', () => {
    expect(eventActionOf(messageOf())).toBe('trigger');
    expect(eventActionOf(resolvedMessageOf())).toBe('resolve');
  });
});

describe(pagerDutyEventOf.name, () => {
  it('builds a trigger event with the documented Events API v2 fields', () => {
    const event = pagerDutyEventOf(config(), KEY, messageOf(), 'trigger', ACK);
    expect(event).toEqual({
      routing_key: KEY,
      event_action: 'trigger',
      dedup_key: 'd4061866bc333de2350285b0452a21f78349e3d63b4f06b6c956f64f95d7be36',
      payload: {
        summary: '[FIRING:2] HighLatency (critical)',
        source: DEFAULT_PAGERDUTY_CLIENT,
        severity: 'error',
        custom_details: {
          firing: expect.stringMatching(/^Labels:\n - alertname = HighLatency\n - service = api\n/),
          resolved: '',
          num_firing: '2',
          num_resolved: '0',
        },
      },
      client: DEFAULT_PAGERDUTY_CLIENT,
      client_url: 'http://alert-router.example/#/alerts?receiver=ops',
      links: [{ href: ACK, text: 'Acknowledge' }],
    });
  });

  it('renders the configured fields and lets details override the defaults key by key', () => {
    const event = pagerDutyEventOf(
      config({
        severity: '{{ .CommonLabels.severity }}',
        description: '{{ .GroupLabels.alertname }} ({{ .Status }})',
        source: 'prod-eu',
        client: 'Convergence',
        client_url: 'https://grafana.example',
        component: '{{ .CommonLabels.service }}',
        group: 'api',
        class: 'latency',
        details: { num_firing: 'many', runbook: 'https://runbooks.example/{{ .GroupLabels.alertname }}' },
        links: [{ href: 'https://grafana.example/d/1', text: 'Dashboard' }],
      }),
      KEY,
      messageOf(),
      'trigger',
    );
    expect(event.payload).toMatchObject({
      summary: 'HighLatency (firing)',
      source: 'prod-eu',
      severity: 'critical',
      group: 'api',
      class: 'latency',
    });
    // an empty rendering is left out rather than sent as ""
    expect(event.payload).not.toHaveProperty('component');
    expect(event.payload?.custom_details).toMatchObject({
      num_firing: 'many',
      num_resolved: '0',
      runbook: 'https://runbooks.example/HighLatency',
    });
    expect(event).toMatchObject({ client: 'Convergence', client_url: 'https://grafana.example' });
    expect(event.links).toEqual([{ href: 'https://grafana.example/d/1', text: 'Dashboard' }]);
  });

  it('falls back to severity error when the rendered value is not one of PagerDuty`s', () => {
    const event = pagerDutyEventOf(
      config({ severity: '{{ .CommonLabels.priority }}' }),
      KEY,
      messageOf(),
      'trigger',
    );
    expect(event.payload?.severity).toBe('error');
    const upper = pagerDutyEventOf(config({ severity: 'WARNING' }), KEY, messageOf(), 'trigger');
    expect(upper.payload?.severity).toBe('warning');
  });

  it('resolves on the same dedup key, without an ack link', () => {
    const trigger = pagerDutyEventOf(config(), KEY, messageOf(), 'trigger', ACK);
    const resolve = pagerDutyEventOf(config(), KEY, resolvedMessageOf(), 'resolve', ACK);
    expect(resolve.event_action).toBe('resolve');
    expect(resolve.dedup_key).toBe(trigger.dedup_key);
    expect(resolve).not.toHaveProperty('links');
    expect(resolve.payload?.custom_details).toMatchObject({ num_firing: '0', num_resolved: '2' });
  });

  it('sends only routing_key, event_action and dedup_key to acknowledge', () => {
    expect(pagerDutyEventOf(config(), KEY, messageOf(), 'acknowledge', ACK)).toEqual({
      routing_key: KEY,
      event_action: 'acknowledge',
      dedup_key: dedupKeyOf(messageOf().groupKey),
    });
  });

  it('keeps the summary within PagerDuty`s 1024 characters', () => {
    const event = pagerDutyEventOf(config({ description: 'x'.repeat(2000) }), KEY, messageOf(), 'trigger');
    expect(event.payload?.summary).toHaveLength(1024);
  });

  it('omits client_url when there is no external URL', () => {
    expect(pagerDutyEventOf(config(), KEY, messageOf({ externalURL: '' }), 'trigger')).not.toHaveProperty(
      'client_url',
    );
  });
});
