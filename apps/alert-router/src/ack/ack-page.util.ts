/**
 * The confirmation page of an acknowledgement link: a form that POSTs back to the same URL.
 *
 * @example
 * ackPageOf('{}:{alertname="Down"}')
 */
export function ackPageOf(groupKey: string): string {
  return page(
    'Acknowledge alert group',
    `<p>Acknowledge <code>${escapeHtml(groupKey)}</code>? Escalation stops and PagerDuty is told.</p>
<form method="post"><button type="submit">Acknowledge</button></form>`,
  );
}

/** The page shown after a link acknowledged a group. */
export function ackedPageOf(groupKey: string, alerts: number): string {
  return page(
    'Acknowledged',
    `<p>Acknowledged ${alerts} firing alert(s) of <code>${escapeHtml(groupKey)}</code>.</p>`,
  );
}

/** Text safe inside HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function page(title: string, body: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body><h1>${title}</h1>${body}</body></html>`;
}
