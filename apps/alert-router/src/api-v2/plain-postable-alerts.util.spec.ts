import { plainPostableAlertsOf } from './plain-postable-alerts.util';
import { postableAlertsSchema } from './postable-alerts.schema';

const valid = {
  labels: { alertname: 'Down', instance: 'a:9100' },
  annotations: { summary: 'it is down' },
  startsAt: '2026-01-01T00:00:00Z',
  endsAt: '2026-01-01T01:05:00.123+01:00',
  generatorURL: 'http://prometheus:9090/graph?g0.expr=up',
};

// Bodies the schema rejects: the quick path must leave every one of them to the schema.
const invalid: [string, unknown][] = [
  ['not an array', { labels: { a: 'b' } }],
  ['a non-object alert', ['x']],
  ['no labels', [{}]],
  ['empty labels', [{ labels: {} }]],
  ['a bad label name', [{ labels: { 'bad-name': 'x' } }]],
  ['a non-string label value', [{ labels: { a: 1 } }]],
  ['labels as an array', [{ labels: ['a'] }]],
  ['a bad annotation name', [{ labels: { a: 'b' }, annotations: { '0x': 'y' } }]],
  ['null annotations', [{ labels: { a: 'b' }, annotations: null }]],
  ['a bad startsAt', [{ labels: { a: 'b' }, startsAt: 'yesterday' }]],
  ['endsAt without offset', [{ labels: { a: 'b' }, endsAt: '2026-01-01T00:00:00' }]],
  ['start after end', [{ ...valid, startsAt: '2026-01-02T00:00:00Z' }]],
  ['a bad generatorURL', [{ labels: { a: 'b' }, generatorURL: 'not a url' }]],
];

// Bodies the schema accepts: the quick path returns exactly the schema's result, or (for the
// unusual ones) leaves them to the schema.
const accepted: [string, unknown, 'quick' | 'schema'][] = [
  ['a full alert', [valid], 'quick'],
  ['labels only', [{ labels: { a: 'b' } }], 'quick'],
  ['several alerts', [valid, { labels: { job: 'api' }, annotations: {} }], 'quick'],
  ['an empty batch', [], 'quick'],
  ['an unknown key (stripped by the schema)', [{ labels: { a: 'b' }, status: 'firing' }], 'schema'],
  ['a __proto__ label', [JSON.parse('{"labels":{"a":"b","__proto__":"x"}}') as unknown], 'schema'],
];

describe(plainPostableAlertsOf.name, () => {
  it.each(invalid)('leaves %s to the schema', (_, body) => {
    expect(postableAlertsSchema.safeParse(body).success).toBe(false);
    expect(plainPostableAlertsOf(body)).toBeUndefined();
  });

  it.each(accepted)('agrees with the schema on %s', (_, body, path) => {
    const parsed = postableAlertsSchema.parse(body);
    const quick = plainPostableAlertsOf(body);
    if (path === 'schema') expect(quick).toBeUndefined();
    else expect(quick).toStrictEqual(parsed);
  });

  it('takes the plain batches Prometheus sends without the schema', () => {
    expect(plainPostableAlertsOf([valid, { labels: { a: 'b' } }])).toStrictEqual([
      valid,
      { labels: { a: 'b' } },
    ]);
  });

  it('copies label sets, so the result does not share objects with the body', () => {
    const body = [{ labels: { a: 'b' } }];
    expect(plainPostableAlertsOf(body)![0]!.labels).not.toBe(body[0]!.labels);
  });
});
