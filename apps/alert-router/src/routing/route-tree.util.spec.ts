import { InvalidRouteTreeError } from './invalid-route-tree.error';
import { routeTreeOf, validateRouteTree } from './route-tree.util';

const receivers = ['default', 'team-X', 'team-Y'];

describe(validateRouteTree.name, () => {
  it('accepts a valid tree', () => {
    const tree = {
      receiver: 'default',
      group_by: ['alertname'],
      routes: [
        {
          matchers: ['severity="critical"'],
          receiver: 'team-X',
          group_wait: '0',
          routes: [{ receiver: 'team-Y' }],
        },
      ],
    };
    expect(validateRouteTree(tree, receivers)).toEqual([]);
  });

  it('requires a receiver on the root route', () => {
    expect(validateRouteTree({ routes: [] }, receivers)).toEqual([
      { path: 'route.receiver', message: 'root route must specify a default receiver' },
    ]);
  });

  it('rejects matchers, time intervals and continue on the root route', () => {
    const messages = validateRouteTree(
      {
        receiver: 'default',
        match: { a: 'b' },
        mute_time_intervals: ['nights'],
        active_time_intervals: ['days'],
        continue: true,
      },
      receivers,
    ).map((issue) => issue.message);
    expect(messages).toEqual([
      'root route must not have any matchers',
      'root route must not have any mute time intervals',
      'root route must not have any active time intervals',
      'cannot have continue in root route',
    ]);
  });

  it('names the node that uses an unknown receiver', () => {
    const tree = {
      receiver: 'default',
      routes: [{ receiver: 'team-X' }, { receiver: 'team-X', routes: [{ receiver: 'team-Z' }] }],
    };
    expect(validateRouteTree(tree, receivers)).toEqual([
      { path: 'route.routes[1].routes[0].receiver', message: 'undefined receiver "team-Z" used in route' },
    ]);
  });

  it('names the matcher with a bad regex', () => {
    const tree = { receiver: 'default', routes: [{ matchers: ['a="b"', 'env=~"prod(uction"'] }] };
    const [issue] = validateRouteTree(tree, receivers);
    expect(issue?.path).toBe('route.routes[0].matchers[1]');
    expect(issue?.message).toMatch(/error parsing regexp: missing closing \)/);
  });

  it('rejects a bad match_re regex and a bad match label name', () => {
    const tree = {
      receiver: 'default',
      routes: [{ match_re: { env: '[' } }, { match: { 'bad-name': 'x' } }],
    };
    expect(validateRouteTree(tree, receivers).map((issue) => issue.path)).toEqual([
      'route.routes[0].match',
      'route.routes[1].match',
    ]);
  });

  it('rejects durations that are not Prometheus durations and zero intervals', () => {
    const tree = {
      receiver: 'default',
      routes: [{ group_wait: '30 seconds', group_interval: '0s', repeat_interval: '1.5h' }],
    };
    expect(validateRouteTree(tree, receivers)).toEqual([
      { path: 'route.routes[0].group_wait', message: 'not a valid duration string: "30 seconds"' },
      { path: 'route.routes[0].group_interval', message: 'group_interval cannot be zero' },
      { path: 'route.routes[0].repeat_interval', message: 'not a valid duration string: "1.5h"' },
    ]);
  });

  it('rejects mixing ... with other group_by labels, duplicates and invalid names (config_test.go)', () => {
    const issues = (groupBy: string[]) =>
      validateRouteTree({ receiver: 'default', group_by: groupBy }, receivers);
    expect(issues(['alertname', 'cluster', '...'])[0]?.message).toBe(
      'cannot have wildcard group_by (`...`) and other labels at the same time',
    );
    expect(issues(['alertname', 'cluster', 'service', 'cluster'])[0]?.message).toBe(
      'duplicated label "cluster" in group_by',
    );
    expect(issues(['-invalid-'])[0]?.message).toBe('invalid label name "-invalid-" in group_by list');
  });

  it('rejects unknown keys and wrong types with their path, like a strict YAML unmarshal', () => {
    const issues = validateRouteTree(
      { receiver: 'default', routes: [{ group_wiat: '1m' }, { continue: 'yes' }] },
      receivers,
    );
    expect(issues.map((issue) => issue.path)).toEqual(['route.routes[0]', 'route.routes[1].continue']);
    expect(issues[0]?.message).toMatch(/group_wiat/);
  });

  it('rejects something that is not a route at all', () => {
    expect(validateRouteTree('route', receivers)).toHaveLength(1);
  });
});

describe(routeTreeOf.name, () => {
  it('throws an error that lists every issue with its node', () => {
    const build = () => routeTreeOf({ routes: [{ receiver: 'nobody' }] }, receivers);
    expect(build).toThrow(InvalidRouteTreeError);
    expect(build).toThrow(/route\.receiver: root route must specify a default receiver/);
    expect(build).toThrow(/route\.routes\[0\]\.receiver: undefined receiver "nobody" used in route/);
  });

  it('gives the root Alertmanager defaults: group_wait 30s, group_interval 5m, repeat_interval 4h, key and id {}', () => {
    expect(routeTreeOf({ receiver: 'default' }, receivers)).toMatchObject({
      id: '{}',
      key: '{}',
      receiver: 'default',
      groupBy: [],
      groupByAll: false,
      groupWaitMs: 30_000,
      groupIntervalMs: 300_000,
      repeatIntervalMs: 14_400_000,
      continue: false,
      routes: [],
    });
  });

  it('numbers children in the id but not in the key (Route.ID vs Route.Key)', () => {
    const root = routeTreeOf(
      { receiver: 'default', routes: [{ match: { env: 'a' } }, { match: { env: 'a' } }] },
      receivers,
    );
    expect(root.routes.map((route) => [route.key, route.id])).toEqual([
      ['{}/{env="a"}', '{}/{env="a"}/0'],
      ['{}/{env="a"}', '{}/{env="a"}/1'],
    ]);
  });

  it('lets a child inherit group_by [...] and override it with a label list (TestInheritParentGroupByAll)', () => {
    const root = routeTreeOf(
      {
        receiver: 'default',
        routes: [
          {
            match: { env: 'parent' },
            group_by: ['...'],
            routes: [{ match: { env: 'child1' } }, { match: { env: 'child2' }, group_by: ['foo'] }],
          },
        ],
      },
      receivers,
    );
    const parent = root.routes[0];
    expect(parent?.groupByAll).toBe(true);
    expect(parent?.routes[0]?.groupByAll).toBe(true);
    expect(parent?.routes[1]).toMatchObject({ groupByAll: false, groupBy: ['foo'] });
  });

  it('treats an empty group_by list as unset, inheriting the parent grouping', () => {
    const root = routeTreeOf({ receiver: 'default', group_by: ['a'], routes: [{ group_by: [] }] }, receivers);
    expect(root.routes[0]?.groupBy).toEqual(['a']);
  });

  it('does not inherit mute_time_intervals, as Alertmanager does not', () => {
    const root = routeTreeOf(
      {
        receiver: 'default',
        routes: [{ mute_time_intervals: ['nights'], routes: [{ receiver: 'team-X' }] }],
      },
      receivers,
    );
    expect(root.routes[0]?.muteTimeIntervals).toEqual(['nights']);
    expect(root.routes[0]?.routes[0]?.muteTimeIntervals).toEqual([]);
  });

  it('sorts a node’s matchers from match, match_re and matchers together', () => {
    const root = routeTreeOf(
      {
        receiver: 'default',
        routes: [{ matchers: ['zone="eu"'], match: { app: 'x' }, match_re: { env: 'p.*' } }],
      },
      receivers,
    );
    expect(root.routes[0]?.key).toBe('{}/{app="x",env=~"^(?:p.*)$",zone="eu"}');
  });
});
