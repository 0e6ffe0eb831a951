import { incomingAlertsOfWebhook, webhookPayloadSchema } from './webhook-payload.schema';

const payload = (alerts: unknown[]) => ({
  version: '4',
  groupKey: 'k',
  status: 'firing',
  receiver: 'r',
  alerts,
});

describe(incomingAlertsOfWebhook.name, () => {
  it('drops the zero end of firing alerts and keeps the end of resolved ones', () => {
    const parsed = webhookPayloadSchema.parse(
      payload([
        {
          status: 'firing',
          labels: { alertname: 'A' },
          startsAt: '2030-01-01T00:00:00Z',
          endsAt: '0001-01-01T00:00:00Z',
        },
        {
          status: 'resolved',
          labels: { alertname: 'B' },
          annotations: { summary: 's' },
          startsAt: '2030-01-01T00:00:00Z',
          endsAt: '2030-01-01T00:05:00.123456789Z',
          generatorURL: 'http://prom',
        },
      ]),
    );
    expect(incomingAlertsOfWebhook(parsed)).toEqual([
      { labels: { alertname: 'A' }, annotations: {}, startsAt: new Date('2030-01-01T00:00:00Z') },
      {
        labels: { alertname: 'B' },
        annotations: { summary: 's' },
        startsAt: new Date('2030-01-01T00:00:00Z'),
        endsAt: new Date('2030-01-01T00:05:00.123Z'),
        generatorURL: 'http://prom',
      },
    ]);
  });
});

describe('webhookPayloadSchema', () => {
  it('names bad fields', () => {
    const result = webhookPayloadSchema.safeParse(
      payload([{ status: 'firing', labels: { 'bad-name': 'x' }, startsAt: 'yesterday' }]),
    );
    expect(result.success ? [] : result.error.issues.map((i) => i.path.join('.'))).toEqual([
      'alerts.0.labels.bad-name',
      'alerts.0.startsAt',
    ]);
  });
});
