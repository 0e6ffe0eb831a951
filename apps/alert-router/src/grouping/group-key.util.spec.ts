import { matchRoutes } from '../routing/match-routes.util';
import { routeTreeOf } from '../routing/route-tree.util';
import { groupKeyOf, groupLabelsOf } from './group-key.util';

describe(groupLabelsOf.name, () => {
  it('keeps only the group_by labels (dispatch_test.go TestGroupLabels)', () => {
    const route = { groupBy: ['a', 'b'], groupByAll: false };
    expect(groupLabelsOf(route, { a: 'v1', b: 'v2', c: 'v3' })).toEqual({ a: 'v1', b: 'v2' });
  });

  it('keeps every label with group_by [...] (TestGroupByAllLabels)', () => {
    const route = { groupBy: [], groupByAll: true };
    expect(groupLabelsOf(route, { a: 'v1', b: 'v2', c: 'v3' })).toEqual({ a: 'v1', b: 'v2', c: 'v3' });
  });

  it('leaves out a group_by label the alert does not have', () => {
    expect(groupLabelsOf({ groupBy: ['a', 'b'], groupByAll: false }, { a: 'v1' })).toEqual({ a: 'v1' });
  });

  it('puts every alert of a route into one group when group_by is empty', () => {
    expect(groupLabelsOf({ groupBy: [], groupByAll: false }, { a: 'v1' })).toEqual({});
  });
});

describe(groupKeyOf.name, () => {
  // dispatch/dispatch_test.go TestGroups: its routing tree, alerts and expected group keys / route ids.
  const root = routeTreeOf(
    {
      receiver: 'prod',
      group_by: ['alertname'],
      group_wait: '10ms',
      group_interval: '10ms',
      routes: [
        { match: { env: 'testing' }, receiver: 'testing', group_by: ['alertname', 'service'] },
        {
          match: { env: 'prod' },
          receiver: 'prod',
          group_by: ['alertname', 'service', 'cluster'],
          continue: true,
        },
        { match: { kafka: 'yes' }, receiver: 'kafka', group_by: ['alertname', 'service', 'cluster'] },
      ],
    },
    ['kafka', 'prod', 'testing'],
  );
  const groupsOf = (labels: Record<string, string>) =>
    matchRoutes(root, labels).map((route) => ({
      key: groupKeyOf(route, labels),
      routeId: route.id,
      receiver: route.receiver,
    }));

  it('keys an alert that only the root matches by the root key {}', () => {
    expect(groupsOf({ alertname: 'OtherAlert', cluster: 'cc', service: 'dd' })).toEqual([
      { key: '{}:{alertname="OtherAlert"}', routeId: '{}', receiver: 'prod' },
    ]);
  });

  it('keys a child route group by the child key and its group labels', () => {
    expect(
      groupsOf({ env: 'testing', alertname: 'TestingAlert', service: 'api', instance: 'inst1' }),
    ).toEqual([
      {
        key: '{}/{env="testing"}:{alertname="TestingAlert", service="api"}',
        routeId: '{}/{env="testing"}/0',
        receiver: 'testing',
      },
    ]);
  });

  it('puts alerts differing only outside group_by into the same group', () => {
    const inst1 = {
      env: 'prod',
      alertname: 'HighErrorRate',
      cluster: 'aa',
      service: 'api',
      instance: 'inst1',
    };
    const inst2 = { ...inst1, instance: 'inst2' };
    expect(groupsOf(inst1)).toEqual(groupsOf(inst2));
    expect(groupsOf(inst1)[0]?.key).toBe(
      '{}/{env="prod"}:{alertname="HighErrorRate", cluster="aa", service="api"}',
    );
  });

  it('gives a continue match one group per matched route', () => {
    const labels = {
      env: 'prod',
      alertname: 'HighLatency',
      cluster: 'bb',
      service: 'db',
      kafka: 'yes',
      instance: 'inst3',
    };
    expect(groupsOf(labels)).toEqual([
      {
        key: '{}/{env="prod"}:{alertname="HighLatency", cluster="bb", service="db"}',
        routeId: '{}/{env="prod"}/1',
        receiver: 'prod',
      },
      {
        key: '{}/{kafka="yes"}:{alertname="HighLatency", cluster="bb", service="db"}',
        routeId: '{}/{kafka="yes"}/2',
        receiver: 'kafka',
      },
    ]);
  });
});
