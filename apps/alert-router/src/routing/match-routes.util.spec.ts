import { matchRoutes } from './match-routes.util';
import type { RouteConfig } from './route.model';
import { routeTreeOf } from './route-tree.util';

// dispatch/route_test.go TestRouteMatch's tree, with the deprecated match / match_re syntax.
const legacyTree: RouteConfig = {
  receiver: 'notify-def',
  routes: [
    {
      match: { owner: 'team-A' },
      receiver: 'notify-A',
      routes: [
        { match: { env: 'testing' }, receiver: 'notify-testing', group_by: ['...'] },
        { match: { env: 'production' }, receiver: 'notify-productionA', group_wait: '1m', continue: true },
        {
          match_re: { env: 'produ.*', job: '.*' },
          receiver: 'notify-productionB',
          group_wait: '30s',
          group_interval: '5m',
          repeat_interval: '1h',
          group_by: ['job'],
        },
      ],
    },
    { match_re: { owner: 'team-(B|C)' }, group_by: ['foo', 'bar'], group_wait: '2m', receiver: 'notify-BC' },
    {
      match: { group_by: 'role' },
      group_by: ['role'],
      routes: [
        {
          match: { env: 'testing' },
          receiver: 'notify-testing',
          routes: [{ match: { wait: 'long' }, group_wait: '2m' }],
        },
      ],
    },
  ],
};

// dispatch/route_test.go TestRouteMatchers: the same tree in the matchers syntax.
const matchersTree: RouteConfig = {
  receiver: 'notify-def',
  routes: [
    {
      matchers: ['{owner="team-A"}', '{level!="critical"}'],
      receiver: 'notify-A',
      routes: [
        { matchers: ['{env="testing"}', '{baz!~".*quux"}'], receiver: 'notify-testing', group_by: ['...'] },
        {
          matchers: ['{env="production"}'],
          receiver: 'notify-productionA',
          group_wait: '1m',
          continue: true,
        },
        {
          matchers: ['env=~"produ.*"', 'job=~".*"'],
          receiver: 'notify-productionB',
          group_wait: '30s',
          group_interval: '5m',
          repeat_interval: '1h',
          group_by: ['job'],
        },
      ],
    },
    { matchers: ['owner=~"team-(B|C)"'], group_by: ['foo', 'bar'], group_wait: '2m', receiver: 'notify-BC' },
    {
      matchers: ['group_by="role"'],
      group_by: ['role'],
      routes: [
        {
          matchers: ['{env="testing"}'],
          receiver: 'notify-testing',
          routes: [{ matchers: ['wait="long"'], group_wait: '2m' }],
        },
      ],
    },
  ],
};

const receivers = [
  'notify-def',
  'notify-A',
  'notify-testing',
  'notify-productionA',
  'notify-productionB',
  'notify-BC',
];
const DEF = {
  groupBy: [],
  groupByAll: false,
  groupWaitMs: 30_000,
  groupIntervalMs: 300_000,
  repeatIntervalMs: 14_400_000,
};

describe(matchRoutes.name, () => {
  const legacy = routeTreeOf(legacyTree, receivers);
  const modern = routeTreeOf(matchersTree, receivers);
  const optionsOf = (labels: Record<string, string>, root = legacy) =>
    matchRoutes(root, labels).map(
      ({ receiver, groupBy, groupByAll, groupWaitMs, groupIntervalMs, repeatIntervalMs }) => ({
        receiver,
        groupBy,
        groupByAll,
        groupWaitMs,
        groupIntervalMs,
        repeatIntervalMs,
      }),
    );
  const keysOf = (labels: Record<string, string>, root = legacy) =>
    matchRoutes(root, labels).map((route) => route.key);

  it('stops at a matching child that has no deeper match, inheriting the defaults', () => {
    expect(optionsOf({ owner: 'team-A' })).toEqual([{ ...DEF, receiver: 'notify-A' }]);
    expect(keysOf({ owner: 'team-A' })).toEqual(['{}/{owner="team-A"}']);
    expect(keysOf({ owner: 'team-A', env: 'unset' })).toEqual(['{}/{owner="team-A"}']);
  });

  it('prints a match_re route key with the anchored regex, as Alertmanager does', () => {
    expect(optionsOf({ owner: 'team-C' })).toEqual([
      { ...DEF, receiver: 'notify-BC', groupBy: ['bar', 'foo'], groupWaitMs: 120_000 },
    ]);
    expect(keysOf({ owner: 'team-C' })).toEqual(['{}/{owner=~"^(?:team-(B|C))$"}']);
  });

  it('descends to the deepest match and applies group_by [...]', () => {
    expect(optionsOf({ owner: 'team-A', env: 'testing' })).toEqual([
      { ...DEF, receiver: 'notify-testing', groupByAll: true },
    ]);
    expect(keysOf({ owner: 'team-A', env: 'testing' })).toEqual(['{}/{owner="team-A"}/{env="testing"}']);
  });

  it('continues past a matching child with continue: true and stops after the next match', () => {
    expect(optionsOf({ owner: 'team-A', env: 'production' })).toEqual([
      { ...DEF, receiver: 'notify-productionA', groupWaitMs: 60_000 },
      { ...DEF, receiver: 'notify-productionB', groupBy: ['job'], repeatIntervalMs: 3_600_000 },
    ]);
    expect(keysOf({ owner: 'team-A', env: 'production' })).toEqual([
      '{}/{owner="team-A"}/{env="production"}',
      '{}/{owner="team-A"}/{env=~"^(?:produ.*)$",job=~"^(?:.*)$"}',
    ]);
  });

  it('inherits group_by and receiver through several levels', () => {
    expect(optionsOf({ group_by: 'role' })).toEqual([{ ...DEF, receiver: 'notify-def', groupBy: ['role'] }]);
    expect(optionsOf({ env: 'testing', group_by: 'role' })).toEqual([
      { ...DEF, receiver: 'notify-testing', groupBy: ['role'] },
    ]);
    expect(optionsOf({ env: 'testing', group_by: 'role', wait: 'long' })).toEqual([
      { ...DEF, receiver: 'notify-testing', groupBy: ['role'], groupWaitMs: 120_000 },
    ]);
    expect(keysOf({ env: 'testing', group_by: 'role', wait: 'long' })).toEqual([
      '{}/{group_by="role"}/{env="testing"}/{wait="long"}',
    ]);
  });

  it('falls back to the root when no child matches', () => {
    expect(keysOf({ alertname: 'Other' })).toEqual(['{}']);
    expect(optionsOf({ alertname: 'Other' })).toEqual([{ ...DEF, receiver: 'notify-def' }]);
  });

  it('routes the matchers syntax the same way, with sorted matchers in the keys (TestRouteMatchers)', () => {
    expect(keysOf({ owner: 'team-A' }, modern)).toEqual(['{}/{level!="critical",owner="team-A"}']);
    expect(keysOf({ owner: 'team-C' }, modern)).toEqual(['{}/{owner=~"team-(B|C)"}']);
    expect(keysOf({ owner: 'team-A', env: 'testing' }, modern)).toEqual([
      '{}/{level!="critical",owner="team-A"}/{baz!~".*quux",env="testing"}',
    ]);
    expect(keysOf({ owner: 'team-A', env: 'production' }, modern)).toEqual([
      '{}/{level!="critical",owner="team-A"}/{env="production"}',
      '{}/{level!="critical",owner="team-A"}/{env=~"produ.*",job=~".*"}',
    ]);
    expect(optionsOf({ owner: 'team-A', env: 'production' }, modern)).toEqual(
      optionsOf({ owner: 'team-A', env: 'production' }),
    );
  });

  it('does not match a child whose != matcher fails, so the parent takes the alert', () => {
    expect(keysOf({ owner: 'team-A', level: 'critical' }, modern)).toEqual(['{}']);
  });

  it('returns nothing for a subtree whose own matchers fail', () => {
    const [teamA] = legacy.routes;
    expect(teamA && matchRoutes(teamA, { owner: 'team-B' })).toEqual([]);
  });
});
