import { SLACK_MAX_LISTED_ALERTS, escapeMrkdwn, slackMessageOf } from './slack-message.util';
import { truncate } from './truncate.util';
import { slackConfigSchema } from './receiver-config.schema';
import { alertOf, messageOf, resolvedMessageOf } from './testing/webhook-message.fixture';

const config = (extra: Record<string, unknown> = {}) =>
  slackConfigSchema.parse({ api_url: 'https://hooks.slack.com/services/T0/B0/x', ...extra });
const ACK = 'http://alert-router.example/api/v1/ack/abc?sig=1';

describe(slackMessageOf.name, () => {
  it('builds a Block Kit message with a header, one section per alert, labels and an ack button', () => {
    const message = slackMessageOf(config(), messageOf(), ACK);
    expect(message.text).toBe('[FIRING:2] HighLatency (critical)');
    expect(message.blocks.map((block) => block.type)).toEqual([
      'header',
      'divider',
      'section',
      'section',
      'context',
      'actions',
    ]);
    expect(message.blocks[0]).toEqual({
      type: 'header',
      text: { type: 'plain_text', text: '[FIRING:2] HighLatency (critical)', emoji: true },
    });
    expect(message.blocks[2]).toEqual({
      type: 'section',
      text: {
        type: 'mrkdwn',
        text:
          ':red_circle: *FIRING* *HighLatency* — HighLatency on api\n' +
          'Started 2026-01-01T10:00:00Z · <http://prometheus.example/graph?g0.expr=up|source>',
      },
    });
    expect(message.blocks[4]).toEqual({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: '`alertname=HighLatency` `severity=critical`' }],
    });
    expect(message.blocks[5]).toEqual({
      type: 'actions',
      elements: [
        {
          type: 'button',
          action_id: 'acknowledge',
          text: { type: 'plain_text', text: 'Acknowledge' },
          url: ACK,
          style: 'primary',
        },
      ],
    });
    expect(message).not.toHaveProperty('channel');
  });

  it('offers no ack button without an ack URL or once resolved', () => {
    expect(slackMessageOf(config(), messageOf()).blocks.some((b) => b.type === 'actions')).toBe(false);
    const resolved = slackMessageOf(config({ send_resolved: true }), resolvedMessageOf(), ACK);
    expect(resolved.blocks.some((b) => b.type === 'actions')).toBe(false);
    expect(resolved.text).toBe('[RESOLVED] HighLatency (critical)');
    expect(resolved.blocks[2]).toMatchObject({
      text: { text: expect.stringContaining(':large_green_circle: *RESOLVED*') },
    });
  });

  it('renders the configured channel, username, title and mrkdwn text, with the text in the fallback', () => {
    const message = slackMessageOf(
      config({
        channel: '#{{ .CommonLabels.severity }}',
        username: 'alert-router',
        icon_emoji: ':fire:',
        title: '{{ .GroupLabels.alertname }} is {{ .Status }}',
        text: 'Runbook: <https://runbooks.example|runbooks> & more',
      }),
      messageOf(),
    );
    expect(message).toMatchObject({ channel: '#critical', username: 'alert-router', icon_emoji: ':fire:' });
    expect(message.text).toBe('HighLatency is firing\nRunbook: <https://runbooks.example|runbooks> & more');
    expect(message.blocks[1]).toEqual({
      type: 'section',
      text: { type: 'mrkdwn', text: 'Runbook: <https://runbooks.example|runbooks> & more' },
    });
  });

  it('lists at most SLACK_MAX_LISTED_ALERTS alerts and counts the rest, truncated ones included', () => {
    const alerts = Array.from({ length: SLACK_MAX_LISTED_ALERTS + 5 }, (_, i) =>
      alertOf({ alertname: 'HighLatency', service: `s${i}` }),
    );
    const message = slackMessageOf(config(), messageOf({ alerts, truncatedAlerts: 3 }));
    expect(message.blocks.filter((b) => b.type === 'section')).toHaveLength(SLACK_MAX_LISTED_ALERTS);
    expect(message.blocks).toContainEqual({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: '…and 8 more alerts' }],
    });
    expect(message.blocks.length).toBeLessThanOrEqual(50);
  });

  it('keeps the header within Slack`s 150 characters', () => {
    const message = slackMessageOf(config({ title: 'x'.repeat(400) }), messageOf());
    const header = message.blocks[0] as { text: { text: string } };
    expect(Array.from(header.text.text)).toHaveLength(150);
    expect(header.text.text.endsWith('…')).toBe(true);
  });
});

describe('Slack text helpers', () => {
  it('escapes Slack`s control characters', () => {
    expect(escapeMrkdwn('a < b && c > d')).toBe('a &lt; b &amp;&amp; c &gt; d');
  });

  it('truncates by character, not UTF-16 unit', () => {
    expect(truncate('🔥🔥🔥', 2)).toBe('🔥…');
    expect(truncate('abc', 3)).toBe('abc');
  });
});
