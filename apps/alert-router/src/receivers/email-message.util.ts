import { renderTemplate } from './notification-template.util';
import { sortedPairsOf, subjectOf } from './notification-subject.util';
import type { EmailConfig } from './receiver-config.schema';
import type { WebhookAlert, WebhookMessage } from './receiver.types';

/** What nodemailer sends: envelope headers, extra headers, and an HTML and a text part. */
export interface EmailMessage {
  from: string;
  to: string;
  subject: string;
  headers: Record<string, string>;
  html: string;
  text: string;
}

/**
 * The email for a notification. As in Alertmanager, `To`, `From` and `Subject` (default: the
 * subject line of notification-subject.util.ts) may be overridden through `headers`, whose other
 * entries are sent as they are. The body lists each alert's labels and annotations and, while the
 * group fires and an ack URL is known, an acknowledgement link.
 */
export function emailMessageOf(config: EmailConfig, message: WebhookMessage, ackUrl?: string): EmailMessage {
  const headers: Record<string, string> = {};
  let subject = subjectOf(message);
  let to = renderTemplate(config.to, message);
  let from = renderTemplate(config.from, message);
  for (const [name, template] of Object.entries(config.headers ?? {})) {
    const value = renderTemplate(template, message);
    switch (name.toLowerCase()) {
      case 'subject':
        subject = value;
        break;
      case 'to':
        to = value;
        break;
      case 'from':
        from = value;
        break;
      default:
        headers[name] = value;
    }
  }
  const ack = ackUrl && message.status === 'firing' ? ackUrl : undefined;
  return {
    from,
    to,
    subject,
    headers,
    html: htmlOf(subject, message, ack),
    text: textOf(subject, message, ack),
  };
}

function textOf(subject: string, message: WebhookMessage, ackUrl: string | undefined): string {
  const lines = [subject, ''];
  if (ackUrl) lines.push(`Acknowledge: ${ackUrl}`, '');
  for (const alert of message.alerts) {
    lines.push(`[${alert.status.toUpperCase()}] ${alert.labels['alertname'] ?? alert.fingerprint}`);
    lines.push('Labels:', ...sortedPairsOf(alert.labels).map(([name, value]) => ` - ${name} = ${value}`));
    lines.push(
      'Annotations:',
      ...sortedPairsOf(alert.annotations).map(([name, value]) => ` - ${name} = ${value}`),
    );
    lines.push(`Started: ${alert.startsAt}`);
    if (alert.status === 'resolved') lines.push(`Ended: ${alert.endsAt}`);
    if (alert.generatorURL) lines.push(`Source: ${alert.generatorURL}`);
    lines.push('');
  }
  if (message.truncatedAlerts > 0) lines.push(`…and ${message.truncatedAlerts} more alerts`, '');
  if (message.externalURL) lines.push(`Sent by ${message.externalURL}`);
  return lines.join('\n');
}

function htmlOf(subject: string, message: WebhookMessage, ackUrl: string | undefined): string {
  const parts = [
    '<!DOCTYPE html><html><head><meta charset="utf-8"></head><body style="font-family:sans-serif">',
    `<h2>${escapeHtml(subject)}</h2>`,
  ];
  if (ackUrl) {
    parts.push(
      `<p><a href="${escapeHtml(ackUrl)}" style="display:inline-block;padding:8px 16px;background:#2f6fed;` +
        'color:#fff;text-decoration:none;border-radius:4px">Acknowledge</a></p>',
    );
  }
  for (const alert of message.alerts) parts.push(alertHtmlOf(alert));
  if (message.truncatedAlerts > 0) parts.push(`<p>…and ${message.truncatedAlerts} more alerts</p>`);
  if (message.externalURL) {
    parts.push(
      `<p style="color:#888">Sent by <a href="${escapeHtml(message.externalURL)}">alert-router</a></p>`,
    );
  }
  parts.push('</body></html>');
  return parts.join('\n');
}

function alertHtmlOf(alert: WebhookAlert): string {
  const color = alert.status === 'firing' ? '#d32f2f' : '#2e7d32';
  const rows = (pairs: Record<string, string>) =>
    sortedPairsOf(pairs)
      .map(([name, value]) => `<li>${escapeHtml(name)} = ${escapeHtml(value)}</li>`)
      .join('');
  const name = alert.labels['alertname'] ?? alert.fingerprint;
  return [
    `<h3><span style="color:${color}">[${alert.status.toUpperCase()}]</span> ${escapeHtml(name)}</h3>`,
    `<p><strong>Labels</strong></p><ul>${rows(alert.labels)}</ul>`,
    `<p><strong>Annotations</strong></p><ul>${rows(alert.annotations)}</ul>`,
    `<p>Started ${escapeHtml(alert.startsAt)}${alert.status === 'resolved' ? `, ended ${escapeHtml(alert.endsAt)}` : ''}` +
      (alert.generatorURL ? ` · <a href="${escapeHtml(alert.generatorURL)}">Source</a>` : '') +
      '</p>',
  ].join('\n');
}

/** Text safe inside HTML elements and double-quoted attributes. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
