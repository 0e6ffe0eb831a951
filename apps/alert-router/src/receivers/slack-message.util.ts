import { renderTemplate } from './notification-template.util';
import { sortedPairsOf, subjectOf } from './notification-subject.util';
import type { SlackConfig } from './receiver-config.schema';
import type { WebhookAlert, WebhookMessage } from './receiver.types';
import { truncate } from './truncate.util';

/** Slack's limits (api.slack.com/reference/block-kit/blocks): header text 150, section text 3000. */
const HEADER_MAX = 150;
const SECTION_MAX = 3000;
/** Alerts listed one section each; the rest are counted, keeping well under Slack's 50 blocks. */
export const SLACK_MAX_LISTED_ALERTS = 20;

/** A Block Kit block as Slack's incoming webhooks accept it (only the kinds we send). */
export type SlackBlock =
  | { type: 'header'; text: { type: 'plain_text'; text: string; emoji: true } }
  | { type: 'section'; text: { type: 'mrkdwn'; text: string } }
  | { type: 'context'; elements: { type: 'mrkdwn'; text: string }[] }
  | { type: 'divider' }
  | {
      type: 'actions';
      elements: {
        type: 'button';
        action_id: string;
        text: { type: 'plain_text'; text: string };
        url: string;
        style: 'primary';
      }[];
    };

/** The JSON body POSTed to a Slack incoming webhook. */
export interface SlackMessage {
  channel?: string;
  username?: string;
  icon_emoji?: string;
  icon_url?: string;
  /** Shown in notifications and by clients that cannot render blocks. */
  text: string;
  blocks: SlackBlock[];
}

/**
 * The Slack message for a notification: a header (config `title`, default Alertmanager's subject),
 * the optional config `text`, one section per alert, the group's labels, and an Acknowledge button
 * while the group fires and an ack URL is known. `text` repeats title and text as the fallback.
 */
export function slackMessageOf(config: SlackConfig, message: WebhookMessage, ackUrl?: string): SlackMessage {
  const title = config.title === undefined ? subjectOf(message) : renderTemplate(config.title, message);
  const text = config.text === undefined ? undefined : renderTemplate(config.text, message);
  const blocks: SlackBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: truncate(title, HEADER_MAX), emoji: true } },
  ];
  // The config text is the user's own mrkdwn (links, emphasis), sent as written, as Alertmanager does.
  if (text) blocks.push(section(text));
  blocks.push({ type: 'divider' });
  for (const alert of message.alerts.slice(0, SLACK_MAX_LISTED_ALERTS))
    blocks.push(section(alertLineOf(alert)));
  const unlisted = message.alerts.length - SLACK_MAX_LISTED_ALERTS + message.truncatedAlerts;
  if (unlisted > 0) blocks.push(context(`…and ${unlisted} more alert${unlisted === 1 ? '' : 's'}`));
  const labels = sortedPairsOf(message.commonLabels);
  if (labels.length > 0) {
    blocks.push(
      context(labels.map(([name, value]) => `\`${escapeMrkdwn(name)}=${escapeMrkdwn(value)}\``).join(' ')),
    );
  }
  if (ackUrl && message.status === 'firing') {
    blocks.push({
      type: 'actions',
      elements: [
        {
          type: 'button',
          action_id: 'acknowledge',
          text: { type: 'plain_text', text: 'Acknowledge' },
          url: ackUrl,
          style: 'primary',
        },
      ],
    });
  }
  return {
    ...(config.channel === undefined ? {} : { channel: renderTemplate(config.channel, message) }),
    ...(config.username === undefined ? {} : { username: renderTemplate(config.username, message) }),
    ...(config.icon_emoji === undefined ? {} : { icon_emoji: config.icon_emoji }),
    ...(config.icon_url === undefined ? {} : { icon_url: config.icon_url }),
    text: text ? `${title}\n${text}` : title,
    blocks,
  };
}

/** One alert: status, name and summary, description, start time and a link to its source. */
function alertLineOf(alert: WebhookAlert): string {
  const icon = alert.status === 'firing' ? ':red_circle:' : ':large_green_circle:';
  const name = alert.labels['alertname'] ?? alert.fingerprint;
  const summary = alert.annotations['summary'];
  const description = alert.annotations['description'];
  const lines = [
    `${icon} *${alert.status.toUpperCase()}* *${escapeMrkdwn(name)}*${summary ? ` — ${escapeMrkdwn(summary)}` : ''}`,
    ...(description ? [escapeMrkdwn(description)] : []),
    `Started ${alert.startsAt}${alert.status === 'resolved' ? `, resolved ${alert.endsAt}` : ''}` +
      (alert.generatorURL ? ` · <${alert.generatorURL}|source>` : ''),
  ];
  return lines.join('\n');
}

function section(text: string): SlackBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: truncate(text, SECTION_MAX) } };
}

function context(text: string): SlackBlock {
  return { type: 'context', elements: [{ type: 'mrkdwn', text: truncate(text, SECTION_MAX) }] };
}

/** Slack's three control characters (api.slack.com/reference/surfaces/formatting#escaping). */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
