import { emailMessageOf, escapeHtml } from './email-message.util';
import { emailConfigSchema } from './receiver-config.schema';
import { messageOf, resolvedMessageOf } from './testing/webhook-message.fixture';

const config = (extra: Record<string, unknown> = {}) =>
  emailConfigSchema.parse({
    to: 'oncall@example.com',
    from: 'alerts@example.com',
    smarthost: 'mail:25',
    ...extra,
  });
const ACK = 'http://alert-router.example/api/v1/ack/abc?sig=1&x=2';

describe(emailMessageOf.name, () => {
  it('uses Alertmanager`s subject and lists every alert in the HTML and the text part', () => {
    const email = emailMessageOf(config(), messageOf(), ACK);
    expect(email).toMatchObject({
      from: 'alerts@example.com',
      to: 'oncall@example.com',
      subject: '[FIRING:2] HighLatency (critical)',
      headers: {},
    });
    expect(email.text).toContain('Acknowledge: http://alert-router.example/api/v1/ack/abc?sig=1&x=2');
    expect(email.text).toContain(
      '[FIRING] HighLatency\nLabels:\n - alertname = HighLatency\n - service = api',
    );
    expect(email.html).toContain('<a href="http://alert-router.example/api/v1/ack/abc?sig=1&amp;x=2"');
    expect(email.html.match(/\[FIRING\]/g)).toHaveLength(2);
  });

  it('lets headers override To, From and Subject and passes the others through', () => {
    const email = emailMessageOf(
      config({
        headers: { subject: 'Page: {{ .GroupLabels.alertname }}', To: 'sre@example.com', 'X-Team': 'sre' },
      }),
      messageOf(),
    );
    expect(email).toMatchObject({
      subject: 'Page: HighLatency',
      to: 'sre@example.com',
      headers: { 'X-Team': 'sre' },
    });
  });

  it('has no ack link once resolved', () => {
    const email = emailMessageOf(config(), resolvedMessageOf(), ACK);
    expect(email.subject).toBe('[RESOLVED] HighLatency (critical)');
    expect(email.text).not.toContain('Acknowledge');
    expect(email.html).not.toContain('Acknowledge');
    expect(email.text).toContain('Ended: 2026-01-01T10:30:00Z');
  });

  it('escapes label values in the HTML', () => {
    const message = messageOf({ commonLabels: {} });
    const [first] = message.alerts;
    first!.labels = { ...first!.labels, query: '<script>alert(1)</script>' };
    const email = emailMessageOf(config(), message);
    expect(email.html).not.toContain('<script>');
    expect(email.html).toContain('query = &lt;script&gt;alert(1)&lt;/script&gt;');
  });
});

describe(escapeHtml.name, () => {
  it('escapes markup and quotes', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});
