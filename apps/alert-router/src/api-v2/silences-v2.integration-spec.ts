import { randomBytes } from 'node:crypto';
import { createWorkerDatabase } from '@convergence/dev-stack';
import { type ServiceProcess, spawnService, waitForReady } from '@convergence/service-kit/testing';

interface GettableSilence {
  id: string;
  status: { state: string };
}
interface GettableAlert {
  labels: Record<string, string>;
  status: { state: string; silencedBy: string[] };
}

describe('alert-router API v2 silences', () => {
  const suffix = randomBytes(3).toString('hex');
  let service: ServiceProcess;

  beforeAll(async () => {
    service = await spawnService('alert-router', {
      DATABASE_URL: await createWorkerDatabase(),
      DATABASE_SCHEMA: `ar_sil_${suffix}`,
      KAFKA_BROKERS: process.env['KAFKA_BROKERS'] ?? '',
      KAFKA_CONSUMER_GROUP_PREFIX: `ar-sil-${suffix}.`,
      ALERT_ROUTER_OUTBOX_RELAY: 'false',
    });
    await waitForReady(service);
  });
  afterAll(async () => {
    await service?.stop();
  });

  const call = (method: string, path: string, body?: unknown) =>
    fetch(`${service.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const silence = (matchers: unknown[], extra: Record<string, unknown> = {}) => ({
    matchers,
    startsAt: new Date().toISOString(),
    endsAt: new Date(Date.now() + 3_600_000).toISOString(),
    createdBy: 'sre@example.com',
    comment: 'maintenance window',
    ...extra,
  });
  const alertsOfRun = async () =>
    ((await (await call('GET', '/api/v2/alerts')).json()) as GettableAlert[]).filter(
      (a) => a.labels['run'] === suffix,
    );
  const silenceById = async (id: string) =>
    (await (await call('GET', `/api/v2/silence/${id}`)).json()) as GettableSilence;

  it('mutes the alerts a silence matches, and unmutes them when it is expired', async () => {
    await call('POST', '/api/v2/alerts', [
      { labels: { alertname: 'DatabaseDiskFull', instance: 'db-1', run: suffix } },
      { labels: { alertname: 'DatabaseDiskFull', instance: 'db-2', run: suffix } },
    ]);
    const created = await call(
      'POST',
      '/api/v2/silences',
      silence([{ name: 'instance', value: 'db-1', isRegex: false }]),
    );
    expect(created.status).toBe(200);
    const { silenceID } = (await created.json()) as { silenceID: string };

    const muted = await alertsOfRun();
    expect(muted.find((a) => a.labels['instance'] === 'db-1')?.status).toMatchObject({
      state: 'suppressed',
      silencedBy: [silenceID],
    });
    expect(muted.find((a) => a.labels['instance'] === 'db-2')?.status).toMatchObject({
      state: 'active',
      silencedBy: [],
    });
    expect((await silenceById(silenceID)).status.state).toBe('active');

    expect((await call('DELETE', `/api/v2/silence/${silenceID}`)).status).toBe(200);
    expect((await silenceById(silenceID)).status.state).toBe('expired');
    expect((await alertsOfRun()).every((a) => a.status.state === 'active')).toBe(true);
  });

  it('keeps history when an active silence changes its matchers: the old one expires, a new id replaces it', async () => {
    const { silenceID: first } = (await (
      await call('POST', '/api/v2/silences', silence([{ name: 'instance', value: 'db-1', isRegex: false }]))
    ).json()) as { silenceID: string };
    const edited = await call(
      'POST',
      '/api/v2/silences',
      silence([{ name: 'instance', value: 'db-[12]', isRegex: true }], { id: first }),
    );
    const { silenceID: second } = (await edited.json()) as { silenceID: string };
    expect(second).not.toBe(first);
    expect((await silenceById(first)).status.state).toBe('expired');
    expect((await silenceById(second)).status.state).toBe('active');
    expect((await alertsOfRun()).every((a) => a.status.silencedBy.includes(second))).toBe(true);
  });

  it('refuses a silence that would match every alert, and one without matchers, saying why', async () => {
    const everything = await call(
      'POST',
      '/api/v2/silences',
      silence([{ name: 'alertname', value: '.*', isRegex: true }]),
    );
    expect(everything.status).toBe(400);
    expect(((await everything.json()) as { detail: string }).detail).toMatch(/match/i);

    const none = await call('POST', '/api/v2/silences', silence([]));
    expect(none.status).toBe(400);
    expect(((await none.json()) as { errors: { field: string }[] }).errors[0]?.field).toBe('matchers');
    expect((await call('GET', '/api/v2/silence/00000000-0000-0000-0000-000000000000')).status).toBe(404);
  });
});
