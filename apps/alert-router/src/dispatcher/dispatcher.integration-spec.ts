import { randomBytes } from 'node:crypto';
import { createWorkerDatabase } from '@convergence/dev-stack';
import { fingerprintOf } from '../alerts/fingerprint.util';
import type { WebhookMessage } from '../receivers';
import { type RouterUnderTest, startRouter } from '../testing/router-harness';
import { type WebhookSink, startWebhookSink } from '../testing/webhook-sink';
import { ManualTime } from '../time/manual-time';

const START = new Date('2030-01-01T00:00:00.000Z');
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const DAY = 24 * 60 * MINUTE;

function configOf(sink: string): string {
  return `
global:
  resolve_timeout: 5m
  external_url: http://router.test
route:
  receiver: default
  group_by: [alertname]
  group_wait: 30s
  group_interval: 5m
  repeat_interval: 4h
  routes:
    - matchers: ['team="db"']
      receiver: db
      continue: true
    - matchers: ['team=~"db|web"']
      receiver: web
      routes:
        - matchers: ['severity="page"']
          receiver: pager
    - matchers: ['scenario="repeat"']
      receiver: default
      group_interval: 25m
      repeat_interval: 1h
    - matchers: ['scenario="quiet"']
      receiver: quiet
    - matchers: ['scenario="muted-resolve"']
      receiver: default
      send_resolved_when_muted: true
receivers:
  - name: default
    webhook_configs: [{ url: '${sink}/default' }]
  - name: db
    webhook_configs: [{ url: '${sink}/db' }]
  - name: web
    webhook_configs: [{ url: '${sink}/web' }]
  - name: pager
    webhook_configs: [{ url: '${sink}/pager' }]
  - name: quiet
    webhook_configs: [{ url: '${sink}/quiet', send_resolved: false }]
inhibit_rules:
  - source_matchers: ['severity="critical"', 'scenario="inhibit"']
    target_matchers: ['severity="warning"']
    equal: [cluster]
`;
}

describe('alert-router dispatcher (Alertmanager timing, on a manual clock)', () => {
  const schema = `ar_disp_${randomBytes(3).toString('hex')}`;
  const time = new ManualTime(START);
  let sink: WebhookSink;
  let router: RouterUnderTest;

  beforeAll(async () => {
    sink = await startWebhookSink();
    router = await startRouter({
      databaseUrl: await createWorkerDatabase(),
      schema,
      config: configOf(sink.url),
      time,
    });
  });
  afterAll(async () => {
    await router?.close();
    await sink?.close();
  });

  const at = (ms: number) => new Date(time.clock().getTime() + ms).toISOString();
  // Alerts start now and end a day later unless a test says otherwise, so resolve_timeout only
  // acts where tested (without startsAt, Alertmanager would start them at their endsAt).
  const fire = async (
    labels: Record<string, string>,
    extra: Record<string, string> = { startsAt: at(0), endsAt: at(DAY) },
  ) => {
    const response = await router.post('/api/v2/alerts', [{ labels, ...extra }]);
    expect(response.status).toBe(200);
  };
  const resolve = (labels: Record<string, string>) => fire(labels, { endsAt: at(0) });
  const sent = (path: string, alertname: string): WebhookMessage[] =>
    sink.messages(path).filter((m) => m.groupLabels['alertname'] === alertname);
  const names = (message: WebhookMessage | undefined) =>
    message?.alerts.map((a) => `${a.labels['instance'] ?? a.labels['alertname']}:${a.status}`);

  it('routes with continue to several receivers and falls back to the parent route', async () => {
    await fire({ alertname: 'RouteDbPage', team: 'db', severity: 'page' });
    await fire({ alertname: 'RouteWebInfo', team: 'web', severity: 'info' });
    await fire({ alertname: 'RouteOps', team: 'ops' });
    await time.advanceBy(30 * SECOND);

    // team=db continues past the db route into the web route, whose child takes severity=page.
    expect(sent('/db', 'RouteDbPage')).toHaveLength(1);
    expect(sent('/pager', 'RouteDbPage')).toHaveLength(1);
    expect(sent('/web', 'RouteDbPage')).toHaveLength(0);
    // No child of the web route matches severity=info: the web route itself takes it.
    expect(sent('/web', 'RouteWebInfo')).toHaveLength(1);
    expect(sent('/pager', 'RouteWebInfo')).toHaveLength(0);
    // Nothing matches team=ops: the root's receiver.
    expect(sent('/default', 'RouteOps')).toHaveLength(1);
    expect(sent('/pager', 'RouteDbPage')[0]).toMatchObject({
      version: '4',
      status: 'firing',
      receiver: 'pager',
      externalURL: 'http://router.test',
      groupLabels: { alertname: 'RouteDbPage' },
      commonLabels: { alertname: 'RouteDbPage', team: 'db', severity: 'page' },
    });
  });

  it('sends two alerts posted 10 s apart as one notification 30 s after the first', async () => {
    await fire({ alertname: 'TwoApart', instance: 'a' });
    await time.advanceBy(10 * SECOND);
    await fire({ alertname: 'TwoApart', instance: 'b' });
    await time.advanceBy(20 * SECOND - 1);
    expect(sent('/default', 'TwoApart')).toHaveLength(0);

    await time.advanceBy(1);
    expect(sent('/default', 'TwoApart')).toHaveLength(1);
    expect(names(sent('/default', 'TwoApart')[0])).toEqual(['a:firing', 'b:firing']);
  });

  it('sends a late alert at the next group_interval tick, not before', async () => {
    await fire({ alertname: 'LateJoin', instance: 'a' });
    await time.advanceBy(30 * SECOND);
    expect(sent('/default', 'LateJoin')).toHaveLength(1);

    await time.advanceBy(1 * MINUTE);
    await fire({ alertname: 'LateJoin', instance: 'b' });
    await time.advanceBy(4 * MINUTE - 1);
    expect(sent('/default', 'LateJoin')).toHaveLength(1);

    await time.advanceBy(1);
    expect(sent('/default', 'LateJoin')).toHaveLength(2);
    expect(names(sent('/default', 'LateJoin')[1])).toEqual(['a:firing', 'b:firing']);
  });

  it('flushes a group of old alerts at once', async () => {
    await fire({ alertname: 'OldAlert' }, { startsAt: at(-1 * 3_600_000), endsAt: at(DAY) });
    await time.runDue();
    expect(sent('/default', 'OldAlert')).toHaveLength(1);
  });

  it('repeats a notification on the first group_interval tick after repeat_interval', async () => {
    // group_interval 25m, repeat_interval 1h: ticks at 30s + 25m·k; the first after 1h is k = 3.
    await fire({ alertname: 'Repeat', scenario: 'repeat' });
    await time.advanceBy(30 * SECOND);
    expect(sent('/default', 'Repeat')).toHaveLength(1);

    await time.advanceBy(60 * MINUTE + SECOND);
    expect(sent('/default', 'Repeat')).toHaveLength(1);

    await time.advanceBy(15 * MINUTE - SECOND);
    expect(sent('/default', 'Repeat')).toHaveLength(2);
  });

  it('sends nothing for an alert resolved before group_wait ended', async () => {
    await fire({ alertname: 'Blip' });
    await time.advanceBy(10 * SECOND);
    await resolve({ alertname: 'Blip' });
    await time.advanceBy(30 * SECOND);
    await time.advanceBy(10 * MINUTE);
    expect(sent('/default', 'Blip')).toHaveLength(0);
  });

  it('sends a resolved notice at the next tick when send_resolved is true', async () => {
    await fire({ alertname: 'Recovers' });
    await time.advanceBy(30 * SECOND);
    await resolve({ alertname: 'Recovers' });
    await time.advanceBy(5 * MINUTE);
    const messages = sent('/default', 'Recovers');
    expect(messages.map((m) => m.status)).toEqual(['firing', 'resolved']);
    expect(messages[1]?.alerts[0]?.endsAt).not.toBe('0001-01-01T00:00:00Z');
    expect(messages[0]?.alerts[0]?.endsAt).toBe('0001-01-01T00:00:00Z');
  });

  it('logs but does not send a resolved notice when send_resolved is false', async () => {
    const labels = { alertname: 'QuietRecovery', scenario: 'quiet' };
    await fire(labels);
    await time.advanceBy(30 * SECOND);
    await resolve(labels);
    await time.advanceBy(5 * MINUTE);
    expect(sent('/quiet', 'QuietRecovery').map((m) => m.status)).toEqual(['firing']);

    const audit = await router.get<{ status: string; outcome: string; reason: string }[]>(
      '/api/v1/history/notifications?label=alertname=QuietRecovery',
    );
    expect(audit.map(({ status, outcome, reason }) => ({ status, outcome, reason }))).toEqual([
      { status: 'resolved', outcome: 'skipped', reason: 'all-resolved' },
      { status: 'firing', outcome: 'sent', reason: 'first-notification' },
    ]);
    // Logged: a later tick does not try again.
    await time.advanceBy(5 * MINUTE);
    expect(
      await router.get<unknown[]>('/api/v1/history/notifications?label=alertname=QuietRecovery'),
    ).toHaveLength(2);
  });

  it('resolves an alert without endsAt after resolve_timeout', async () => {
    const postedAt = time.clock().getTime();
    await fire({ alertname: 'NoEnd' }, {});
    await time.advanceBy(30 * SECOND);
    await time.advanceBy(5 * MINUTE);
    const messages = sent('/default', 'NoEnd');
    expect(messages.map((m) => m.status)).toEqual(['firing', 'resolved']);
    expect(messages[1]?.alerts[0]?.endsAt).toBe(new Date(postedAt + 5 * MINUTE).toISOString());
  });

  it('inhibits targets whose equal labels match, a label missing on both sides counting as equal', async () => {
    await fire({ alertname: 'InhSource', scenario: 'inhibit', severity: 'critical' });
    await fire({ alertname: 'InhMissingBoth', severity: 'warning' });
    await fire({ alertname: 'InhOtherCluster', severity: 'warning', cluster: 'eu' });
    await time.advanceBy(30 * SECOND);

    expect(sent('/default', 'InhSource')).toHaveLength(1);
    expect(sent('/default', 'InhMissingBoth')).toHaveLength(0);
    expect(sent('/default', 'InhOtherCluster')).toHaveLength(1);
    const listed =
      await router.get<
        { labels: Record<string, string>; status: { state: string; inhibitedBy: string[] } }[]
      >('/api/v2/alerts');
    expect(listed.find((a) => a.labels['alertname'] === 'InhMissingBoth')?.status).toMatchObject({
      state: 'suppressed',
      inhibitedBy: [fingerprintOf({ alertname: 'InhSource', scenario: 'inhibit', severity: 'critical' })],
    });
  });

  it('mutes alerts while a silence is active and notifies once it expired', async () => {
    const silence = await router.post('/api/v2/silences', {
      matchers: [{ name: 'alertname', value: 'Silenced', isRegex: false, isEqual: true }],
      startsAt: at(1 * MINUTE),
      endsAt: at(20 * MINUTE),
      createdBy: 'sre',
      comment: 'maintenance',
    });
    const { silenceID } = (await silence.json()) as { silenceID: string };
    expect(
      (await router.get<{ status: { state: string } }>(`/api/v2/silence/${silenceID}`)).status.state,
    ).toBe('pending');

    await fire({ alertname: 'Silenced' });
    await time.advanceBy(2 * MINUTE);
    expect(
      (await router.get<{ status: { state: string } }>(`/api/v2/silence/${silenceID}`)).status.state,
    ).toBe('active');
    // Pending at the flush 30 s in: not muted yet.
    expect(sent('/default', 'Silenced')).toHaveLength(1);

    await fire({ alertname: 'Silenced', instance: 'second' });
    await time.advanceBy(5 * MINUTE);
    expect(sent('/default', 'Silenced')).toHaveLength(1);

    expect((await fetch(`${router.url}/api/v2/silence/${silenceID}`, { method: 'DELETE' })).status).toBe(200);
    await time.advanceBy(1); // expired means its end has passed
    expect(
      (await router.get<{ status: { state: string } }>(`/api/v2/silence/${silenceID}`)).status.state,
    ).toBe('expired');
    await time.advanceBy(5 * MINUTE);
    expect(sent('/default', 'Silenced')).toHaveLength(2);
    expect(names(sent('/default', 'Silenced')[1])).toEqual(['second:firing', 'Silenced:firing']);
  });

  it('sends the resolved notice of an alert silenced since it fired when send_resolved_when_muted is set', async () => {
    for (const alertname of ['MutedResolveOn', 'MutedResolveOff']) {
      const labels = { alertname, ...(alertname.endsWith('On') ? { scenario: 'muted-resolve' } : {}) };
      await fire(labels);
    }
    await time.advanceBy(30 * SECOND);
    await router.post('/api/v2/silences', {
      matchers: [{ name: 'alertname', value: 'MutedResolve.*', isRegex: true, isEqual: true }],
      startsAt: at(0),
      endsAt: at(60 * MINUTE),
      createdBy: 'sre',
      comment: 'silenced while firing',
    });
    await resolve({ alertname: 'MutedResolveOn', scenario: 'muted-resolve' });
    await resolve({ alertname: 'MutedResolveOff' });
    await time.advanceBy(5 * MINUTE);
    expect(sent('/default', 'MutedResolveOn').map((m) => m.status)).toEqual(['firing', 'resolved']);
    expect(sent('/default', 'MutedResolveOff').map((m) => m.status)).toEqual(['firing']);
  });

  it('takes Alertmanager webhook payloads (version 4) as input', async () => {
    const response = await router.post('/api/v1/webhook', {
      version: '4',
      groupKey: '{}:{alertname="Forwarded"}',
      truncatedAlerts: 0,
      status: 'firing',
      receiver: 'upstream',
      groupLabels: { alertname: 'Forwarded' },
      commonLabels: { alertname: 'Forwarded' },
      commonAnnotations: {},
      externalURL: 'http://upstream-alertmanager:9093',
      alerts: [
        {
          status: 'firing',
          labels: { alertname: 'Forwarded', instance: 'x' },
          annotations: { summary: 'from another Alertmanager' },
          startsAt: at(0),
          endsAt: '0001-01-01T00:00:00Z',
          generatorURL: 'http://prometheus/graph',
          fingerprint: 'ignored',
        },
      ],
    });
    expect(response.status).toBe(200);
    await time.advanceBy(30 * SECOND);
    expect(sent('/default', 'Forwarded')[0]?.alerts[0]).toMatchObject({
      status: 'firing',
      annotations: { summary: 'from another Alertmanager' },
      generatorURL: 'http://prometheus/graph',
    });

    const bad = await router.post('/api/v1/webhook', { version: '3', status: 'firing', alerts: [] });
    expect(bad.status).toBe(400);
    const problem = (await bad.json()) as { errors: { field: string }[] };
    expect(problem.errors.map((e) => e.field)).toEqual(['version', 'alerts']);
  });

  it('answers history queries by label, status and time', async () => {
    const history = await router.get<{ status: string; source: string }[]>(
      '/api/v1/history/alerts?label=alertname=Recovers',
    );
    expect(history.map((h) => h.status)).toEqual(['resolved', 'firing']);
    const firingOnly = await router.get<unknown[]>(
      '/api/v1/history/alerts?label=alertname=Recovers&status=firing',
    );
    expect(firingOnly).toHaveLength(1);
    const future = await router.get<unknown[]>(
      `/api/v1/history/notifications?label=alertname=Recovers&from=${encodeURIComponent(at(MINUTE))}`,
    );
    expect(future).toHaveLength(0);
    const bad = await fetch(`${router.url}/api/v1/history/alerts?label=bad-name=x&limit=0`);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual([
      'label.0',
      'limit',
    ]);
  });
});
