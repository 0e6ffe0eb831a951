import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { scriptedReplies } from './loopback-http.server';

/** One message the server accepted: SMTP envelope and raw RFC 5322 text. */
export interface ReceivedMail {
  from: string;
  to: string[];
  /** The name the client gave in EHLO / HELO. */
  hello: string;
  user?: string;
  raw: string;
}

/** How the server answers RCPT TO: accept, or reject with an SMTP reply code. */
export type RcptReply = 'accept' | { code: number; text: string };

export interface LoopbackSmtp {
  smarthost: string;
  mails: ReceivedMail[];
  /** RCPT TO commands seen, accepted or not (one per attempt and recipient). */
  rcptAttempts: number;
  close(): Promise<void>;
}

/**
 * A real SMTP server (smtp-server) on 127.0.0.1 without STARTTLS, recording accepted mail. RCPT TO
 * answers follow `rcpt` (last repeating); with `users`, AUTH is required and checked.
 */
export async function startLoopbackSmtp(
  options: { rcpt?: RcptReply[]; users?: Record<string, string> } = {},
): Promise<LoopbackSmtp> {
  const nextRcpt = scriptedReplies<RcptReply>(options.rcpt ?? ['accept']);
  const state: { mails: ReceivedMail[]; rcptAttempts: number } = { mails: [], rcptAttempts: 0 };
  const server = new SMTPServer({
    logger: false,
    disableReverseLookup: true,
    disabledCommands: options.users ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
    allowInsecureAuth: true,
    authOptional: !options.users,
    onAuth(auth, _session, callback) {
      if (options.users && options.users[auth.username ?? ''] === auth.password) {
        return callback(null, { user: auth.username });
      }
      return callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
    },
    onRcptTo(_address, _session, callback) {
      state.rcptAttempts += 1;
      const reply = nextRcpt();
      if (reply === 'accept') return callback();
      return callback(Object.assign(new Error(reply.text), { responseCode: reply.code }));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        state.mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          hello: session.hostNameAppearsAs,
          ...(typeof session.user === 'string' ? { user: session.user } : {}),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = (server as unknown as { server: { address(): AddressInfo } }).server.address();
  return {
    smarthost: `127.0.0.1:${port}`,
    mails: state.mails,
    get rcptAttempts() {
      return state.rcptAttempts;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
