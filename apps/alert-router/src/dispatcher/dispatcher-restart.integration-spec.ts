import { randomBytes } from 'node:crypto';
import { createWorkerDatabase } from '@convergence/dev-stack';
import { type RouterUnderTest, startRouter } from '../testing/router-harness';
import { type WebhookSink, startWebhookSink } from '../testing/webhook-sink';
import { ManualTime } from '../time/manual-time';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

function configOf(sink: string, extraReceiver = ''): string {
  return `
route:
  receiver: ops
  group_by: [alertname]
  group_wait: 30s
  group_interval: 5m
  repeat_interval: 4h
receivers:
  - name: ops
    webhook_configs: [{ url: '${sink}/ops' }]
${extraReceiver}
`;
}

describe('alert-router across restarts and reloads', () => {
  const time = new ManualTime(new Date('2030-02-01T00:00:00.000Z'));
  let databaseUrl: string;
  let sink: WebhookSink;
  let router: RouterUnderTest;
  const schema = `ar_restart_${randomBytes(3).toString('hex')}`;

  beforeAll(async () => {
    databaseUrl = await createWorkerDatabase();
    sink = await startWebhookSink();
    router = await startRouter({ databaseUrl, schema, config: configOf(sink.url), time });
  });
  afterAll(async () => {
    await router?.close();
    await sink?.close();
  });

  const restart = async () => {
    await router.close();
    router = await startRouter({ databaseUrl, schema, config: '', configFile: router.configFile, time });
    await time.runDue();
  };
  const fire = async (alertname: string) => {
    const startsAt = time.clock().toISOString();
    const endsAt = new Date(time.clock().getTime() + 24 * HOUR).toISOString();
    const response = await router.post('/api/v2/alerts', [{ labels: { alertname }, startsAt, endsAt }]);
    expect(response.status).toBe(200);
  };
  const sent = (alertname: string) =>
    sink.messages('/ops').filter((m) => m.groupLabels['alertname'] === alertname);

  it('re-sends nothing after a restart inside the repeat window, and repeats on schedule after it', async () => {
    await fire('SurvivesRestart');
    await time.advanceBy(30 * SECOND);
    expect(sent('SurvivesRestart')).toHaveLength(1);

    await time.advanceBy(1 * HOUR);
    await restart();
    await time.advanceBy(2 * HOUR);
    expect(sent('SurvivesRestart')).toHaveLength(1);

    await time.advanceBy(1 * HOUR + 10 * MINUTE);
    expect(sent('SurvivesRestart')).toHaveLength(2);
  });

  it('keeps a pending group_wait across a restart: the first flush comes at its original moment', async () => {
    await fire('WaitsAcrossRestart');
    await time.advanceBy(10 * SECOND);
    await restart();
    await time.advanceBy(20 * SECOND - 1);
    expect(sent('WaitsAcrossRestart')).toHaveLength(0);
    await time.advanceBy(1);
    expect(sent('WaitsAcrossRestart')).toHaveLength(1);
  });

  it('re-sends nothing after a config reload inside the repeat window', async () => {
    await fire('SurvivesReload');
    await time.advanceBy(30 * SECOND);
    expect(sent('SurvivesReload')).toHaveLength(1);

    router.writeConfig(
      configOf(sink.url, `  - name: spare\n    webhook_configs: [{ url: '${sink.url}/spare' }]`),
    );
    const reloaded = await router.post('/-/reload', {});
    expect(reloaded.status).toBe(200);
    await time.advanceBy(1 * HOUR);
    expect(sent('SurvivesReload')).toHaveLength(1);
  });

  it('keeps the running config when a reload is invalid, naming the bad nodes', async () => {
    router.writeConfig(`
route:
  receiver: nowhere
  group_wiat: 30s
  routes:
    - receiver: ops
      group_interval: 0
receivers:
  - name: ops
    webhook_configs: [{ url: 'not a url' }]
`);
    const response = await router.post('/-/reload', {});
    expect(response.status).toBe(400);
    const problem = (await response.json()) as { errors: { field: string; message: string }[] };
    expect(problem.errors.map((e) => e.field)).toEqual(
      expect.arrayContaining(['receivers[0].webhook_configs[0].url', 'route']),
    );

    router.writeConfig(`
route:
  receiver: nowhere
  routes:
    - receiver: ops
      group_interval: 0
receivers:
  - name: ops
`);
    const second = await router.post('/-/reload', {});
    expect(second.status).toBe(400);
    expect(((await second.json()) as { errors: { field: string; message: string }[] }).errors).toEqual([
      { field: 'route.receiver', message: 'undefined receiver "nowhere" used in route' },
      { field: 'route.routes[0].group_interval', message: 'group_interval cannot be zero' },
    ]);

    await fire('AfterBadReload');
    await time.advanceBy(30 * SECOND);
    expect(sent('AfterBadReload')).toHaveLength(1);
  });
});
