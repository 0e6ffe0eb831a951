import { commonOf, webhookMessageOf } from './webhook-message.util';

const now = new Date('2030-01-01T00:10:00Z');
const firing = {
  labels: { alertname: 'Down', instance: 'a', job: 'api' },
  annotations: { summary: 'down', runbook: 'r1' },
  startsAt: new Date('2030-01-01T00:00:00Z'),
  updatedAt: new Date('2030-01-01T00:00:00Z'),
};
const resolved = {
  labels: { alertname: 'Down', instance: 'b', job: 'api' },
  annotations: { summary: 'down' },
  startsAt: new Date('2030-01-01T00:00:00Z'),
  endsAt: new Date('2030-01-01T00:05:00Z'),
  updatedAt: new Date('2030-01-01T00:05:00Z'),
  generatorURL: 'http://prometheus/graph',
};

describe(webhookMessageOf.name, () => {
  it("builds Alertmanager's webhook v4 payload", () => {
    const message = webhookMessageOf(
      {
        groupKey: '{}:{alertname="Down"}',
        groupLabels: { alertname: 'Down' },
        receiver: 'ops',
        alerts: [firing, resolved],
      },
      'http://router:3004',
      now,
    );
    expect(message).toEqual({
      version: '4',
      groupKey: '{}:{alertname="Down"}',
      truncatedAlerts: 0,
      status: 'firing',
      receiver: 'ops',
      groupLabels: { alertname: 'Down' },
      commonLabels: { alertname: 'Down', job: 'api' },
      commonAnnotations: { summary: 'down' },
      externalURL: 'http://router:3004',
      alerts: [
        {
          status: 'firing',
          labels: firing.labels,
          annotations: firing.annotations,
          startsAt: '2030-01-01T00:00:00.000Z',
          endsAt: '0001-01-01T00:00:00Z',
          generatorURL: '',
          fingerprint: expect.stringMatching(/^[0-9a-f]{16}$/),
        },
        {
          status: 'resolved',
          labels: resolved.labels,
          annotations: resolved.annotations,
          startsAt: '2030-01-01T00:00:00.000Z',
          endsAt: '2030-01-01T00:05:00.000Z',
          generatorURL: 'http://prometheus/graph',
          fingerprint: expect.stringMatching(/^[0-9a-f]{16}$/),
        },
      ],
    });
  });

  it('is resolved when every alert is', () => {
    const message = webhookMessageOf(
      { groupKey: 'k', groupLabels: {}, receiver: 'ops', alerts: [resolved] },
      'x',
      now,
    );
    expect(message.status).toBe('resolved');
  });
});

describe(commonOf.name, () => {
  it('keeps pairs shared by every set, none for no sets', () => {
    expect(commonOf([{ a: '1', b: '2' }, { a: '1', b: '3' }, { a: '1' }])).toEqual({ a: '1' });
    expect(commonOf([])).toEqual({});
  });
});
