import { PAGERDUTY_EVENTS_V2_URL, receiverConfigSchema } from './receiver-config.schema';

/** The issues zod reports, as `path: message` lines. */
function problemsOf(input: unknown): string[] {
  const parsed = receiverConfigSchema.safeParse(input);
  if (parsed.success) return [];
  return parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

describe('receiverConfigSchema', () => {
  it('applies Alertmanager`s send_resolved defaults per integration', () => {
    const receiver = receiverConfigSchema.parse({
      name: 'ops',
      slack_configs: [{ api_url: 'https://hooks.slack.com/services/T0/B0/x' }],
      pagerduty_configs: [{ routing_key: 'abc' }],
      email_configs: [{ to: 'a@example.com', from: 'am@example.com', smarthost: 'mail.example.com:587' }],
      webhook_configs: [{ url: 'http://hook.example/alerts' }],
    });
    expect(receiver.slack_configs[0]!.send_resolved).toBe(false);
    expect(receiver.pagerduty_configs[0]!.send_resolved).toBe(true);
    expect(receiver.email_configs[0]!.send_resolved).toBe(false);
    expect(receiver.webhook_configs[0]!.send_resolved).toBe(true);
  });

  it('fills the other Alertmanager defaults', () => {
    const receiver = receiverConfigSchema.parse({
      name: 'ops',
      pagerduty_configs: [{ routing_key: 'abc' }],
      email_configs: [{ to: 'a@example.com', from: 'am@example.com', smarthost: '[::1]:25' }],
      webhook_configs: [{ url: 'http://hook.example/alerts' }],
    });
    expect(receiver.slack_configs).toEqual([]);
    expect(receiver.pagerduty_configs[0]).toMatchObject({ url: PAGERDUTY_EVENTS_V2_URL, severity: 'error' });
    expect(receiver.email_configs[0]).toMatchObject({ require_tls: true, hello: 'localhost' });
    expect(receiver.webhook_configs[0]!.max_alerts).toBe(0);
  });

  it('accepts a receiver without integrations (Alertmanager`s null receiver)', () => {
    expect(problemsOf({ name: 'blackhole' })).toEqual([]);
  });

  it('names an unknown or unsupported key', () => {
    expect(
      problemsOf({ name: 'ops', slack_configs: [{ api_url: 'https://x.example', http_config: {} }] }),
    ).toEqual(["slack_configs.0: Unrecognized key(s) in object: 'http_config'"]);
    expect(problemsOf({ name: 'ops', opsgenie_configs: [] })).toEqual([
      ": Unrecognized key(s) in object: 'opsgenie_configs'",
    ]);
  });

  it('requires exactly one of a secret and its _file', () => {
    expect(problemsOf({ name: 'ops', slack_configs: [{}] })).toEqual([
      'slack_configs.0.api_url: one of api_url or api_url_file must be set',
    ]);
    expect(
      problemsOf({
        name: 'ops',
        webhook_configs: [{ url: 'http://a.example', url_file: '/run/secrets/url' }],
      }),
    ).toEqual(['webhook_configs.0.url_file: at most one of url and url_file may be set']);
    expect(problemsOf({ name: 'ops', pagerduty_configs: [{ severity: 'critical' }] })).toEqual([
      'pagerduty_configs.0.routing_key: one of routing_key or routing_key_file must be set',
    ]);
  });

  it('names bad field values', () => {
    expect(
      problemsOf({
        name: '',
        slack_configs: [{ api_url: 'hooks.slack.com', send_resolved: 'yes' }],
        email_configs: [{ to: '', from: 'a@example.com', smarthost: 'mail.example.com' }],
        webhook_configs: [{ url: 'http://a.example', max_alerts: -1 }],
      }),
    ).toEqual([
      'name: String must contain at least 1 character(s)',
      'slack_configs.0.send_resolved: Expected boolean, received string',
      'slack_configs.0.api_url: Invalid url',
      'slack_configs.0.api_url: must be an http(s) URL',
      'email_configs.0.to: must not be empty',
      'email_configs.0.smarthost: must be host:port',
      'webhook_configs.0.max_alerts: Number must be greater than or equal to 0',
    ]);
  });

  it('rejects a template it cannot render, naming the field', () => {
    expect(
      problemsOf({
        name: 'ops',
        pagerduty_configs: [{ routing_key: 'k', details: { firing: '{{ .Alerts.Firing | len }}' } }],
      }),
    ).toEqual([
      expect.stringMatching(/^pagerduty_configs\.0\.details\.firing: unsupported template expression/),
    ]);
  });

  it('needs a user name with an SMTP password', () => {
    expect(
      problemsOf({
        name: 'ops',
        email_configs: [
          { to: 'a@x.example', from: 'b@x.example', smarthost: 'x.example:25', auth_password: 'p' },
        ],
      }),
    ).toEqual(['email_configs.0.auth_username: required with a password']);
  });
});
