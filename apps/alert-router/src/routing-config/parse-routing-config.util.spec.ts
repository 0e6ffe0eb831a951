import { parseRoutingConfig, yamlPathOf } from './parse-routing-config.util';

const VALID = `
global:
  resolve_timeout: 1m
  external_url: https://alerts.example.com/
  smtp_from: alerts@example.com
  smtp_smarthost: smtp.example.com:587
route:
  receiver: ops
  group_by: ['...']
  routes:
    - match: { severity: critical }
      receiver: pager
      escalation_policy: db
      group_wait: 0
    - matchers: ['team=~"db|web"']
      receiver: mail
inhibit_rules:
  - source_matchers: ['severity="critical"']
    target_matchers: ['severity="warning"']
    equal: [cluster]
receivers:
  - name: ops
    webhook_configs: [{ url: 'http://hooks.example.com/ops' }]
  - name: pager
    pagerduty_configs: [{ routing_key: abc }]
  - name: mail
    email_configs: [{ to: sre@example.com }]
escalation_policies:
  - name: db
    steps: [{ receiver: ops, wait: 10m }, { receiver: mail, wait: 1h }]
    repeat: 2
`;

describe(parseRoutingConfig.name, () => {
  it('resolves a valid file: durations, inherited route options, receivers with globals, policies', () => {
    const parsed = parseRoutingConfig(VALID);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    const { config } = parsed;
    expect(config.resolveTimeoutMs).toBe(60_000);
    expect(config.externalUrl).toBe('https://alerts.example.com');
    expect(config.route.groupByAll).toBe(true);
    const [pager, mail] = config.route.routes;
    expect(pager).toMatchObject({
      receiver: 'pager',
      groupWaitMs: 0,
      groupByAll: true,
      escalationPolicy: 'db',
    });
    expect(mail).toMatchObject({ receiver: 'mail', groupWaitMs: 30_000, groupIntervalMs: 300_000 });
    expect(config.receivers.get('mail')?.email_configs[0]).toMatchObject({
      to: 'sre@example.com',
      from: 'alerts@example.com',
      smarthost: 'smtp.example.com:587',
      send_resolved: false,
    });
    expect(config.receivers.get('ops')?.webhook_configs[0]?.send_resolved).toBe(true);
    expect(config.inhibitRules[0]?.equal).toEqual(['cluster']);
    expect(config.escalationPolicies.get('db')).toEqual({
      name: 'db',
      steps: [
        { receiver: 'ops', waitMs: 600_000 },
        { receiver: 'mail', waitMs: 3_600_000 },
      ],
      repeat: 2,
    });
    expect(config.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('defaults resolve_timeout to 5m and the external URL to the local router', () => {
    const parsed = parseRoutingConfig('route: { receiver: x }\nreceivers: [{ name: x }]');
    expect(parsed.ok && parsed.config.resolveTimeoutMs).toBe(300_000);
    expect(parsed.ok && parsed.config.externalUrl).toBe('http://localhost:3004');
  });

  it('names the YAML path of every bad node', () => {
    const parsed = parseRoutingConfig(`
global:
  resolve_timeout: 5 minutes
route:
  receiver: ops
  escalation_policy: nope
  routes:
    - receiver: ghost
      matchers: ['a=~"("']
receivers:
  - name: ops
    webhook_configs: [{ url: 'ftp://x' }]
  - name: ops
escalation_policies:
  - name: p
    steps: [{ receiver: nobody, wait: 0 }]
inhibit_rules:
  - equal: ['bad-label']
`);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.issues.map((issue) => issue.path)).toEqual([
      'global.resolve_timeout',
      'receivers[0].webhook_configs[0].url',
      'receivers[1].name',
      'escalation_policies[0].steps[0].receiver',
      'escalation_policies[0].steps[0].wait',
      'route.escalation_policy',
      'route.routes[0].receiver',
      'route.routes[0].matchers[0]',
      'inhibit_rules[0]',
    ]);
  });

  it('reports unknown keys with their path, as Alertmanager strict parsing does', () => {
    const topLevel = parseRoutingConfig('route: { receiver: x }\nreceivers: [{ name: x }]\nroutes: []');
    expect(!topLevel.ok && topLevel.issues).toEqual([
      { path: 'routes', message: 'field routes not found in type' },
    ]);
    const inReceiver = parseRoutingConfig(
      'route: { receiver: x }\nreceivers: [{ name: x, slack_config: [] }]',
    );
    expect(!inReceiver.ok && inReceiver.issues).toEqual([
      { path: 'receivers[0].slack_config', message: 'field slack_config not found in type' },
    ]);
  });

  it('reports YAML syntax errors with their line', () => {
    const parsed = parseRoutingConfig('route:\n  receiver: [x\n');
    expect(!parsed.ok && parsed.issues[0]?.path).toMatch(/^\(line \d+, column \d+\)$/);
  });

  it('rejects duplicate keys', () => {
    expect(
      parseRoutingConfig('route: { receiver: x }\nroute: { receiver: x }\nreceivers: [{ name: x }]').ok,
    ).toBe(false);
  });
});

describe(yamlPathOf.name, () => {
  it('joins keys with dots and indexes with brackets', () => {
    expect(yamlPathOf(['receivers', 1, 'webhook_configs', 0, 'url'])).toBe(
      'receivers[1].webhook_configs[0].url',
    );
  });
});
