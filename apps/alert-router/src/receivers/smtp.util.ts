import { type AttemptOutcome, outcomeOfSmtpReply } from './retry-policy.util';

/** nodemailer error codes that no retry can fix: bad envelope or message, TLS or auth refused. */
const PERMANENT_CODES = new Set(['EENVELOPE', 'EMESSAGE', 'ETLS', 'EAUTH']);

/** `mail.example.com:587` or `[::1]:25` as host and port. */
export function hostAndPortOf(smarthost: string): { host: string; port: number } {
  const colon = smarthost.lastIndexOf(':');
  return {
    host: smarthost.slice(0, colon).replace(/^\[(.*)\]$/, '$1'),
    port: Number(smarthost.slice(colon + 1)),
  };
}

/** A nodemailer failure as an attempt outcome: by SMTP reply code when there is one. */
export function outcomeOfSmtpError(error: unknown): AttemptOutcome {
  const { responseCode, code, message } = (error ?? {}) as {
    responseCode?: number;
    code?: string;
    message?: string;
  };
  const text = `${code ? `${code}: ` : ''}${message ?? String(error)}`;
  if (typeof responseCode === 'number') return outcomeOfSmtpReply(responseCode, text);
  if (code && PERMANENT_CODES.has(code)) return { kind: 'permanent', error: text };
  return { kind: 'retryable', error: text };
}

/** The reply code at the start of an SMTP response line. */
export function smtpCodeOf(response: string | undefined): number | undefined {
  const code = Number(response?.slice(0, 3));
  return Number.isInteger(code) && code > 0 ? code : undefined;
}
