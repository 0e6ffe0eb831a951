import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { receiverConfigSchema } from './receiver-config.schema';
import { type LoopbackSmtp, type RcptReply, startLoopbackSmtp } from './testing/loopback-smtp.server';
import { parseMail } from './testing/mime-parts';
import { startReceiverDelivery } from './testing/receiver-delivery.testing';
import { messageOf, resolvedMessageOf } from './testing/webhook-message.fixture';

const ACK = 'http://alert-router.example/api/v1/ack/g1?sig=abc';

describe('email receiver against an SMTP server on loopback', () => {
  let harness: Awaited<ReturnType<typeof startReceiverDelivery>>;
  let smtp: LoopbackSmtp;

  const receiverFor = (extra: Record<string, unknown> = {}) =>
    receiverConfigSchema.parse({
      name: 'ops',
      email_configs: [
        {
          to: 'oncall@example.com',
          from: 'alerts@example.com',
          smarthost: smtp.smarthost,
          require_tls: false,
          ...extra,
        },
      ],
    });
  const startSmtp = async (options?: { rcpt?: RcptReply[]; users?: Record<string, string> }) => {
    smtp = await startLoopbackSmtp(options);
  };

  beforeEach(async () => {
    harness = await startReceiverDelivery({ retry: { requestTimeoutMs: 10_000 } });
  });
  afterEach(async () => {
    await smtp?.close();
    await harness.close();
  });

  it('sends an HTML and a text part with the subject, envelope and ack link', async () => {
    await startSmtp();
    const [result] = await harness.delivery.deliver(
      receiverFor({ hello: 'alert-router.example', headers: { 'X-Team': 'sre' } }),
      messageOf(),
      { ackUrl: ACK },
    );
    expect(result).toEqual({ integration: 'email', index: 0, outcome: 'sent', attempts: 1, status: 250 });
    expect(smtp.mails).toHaveLength(1);
    const [mail] = smtp.mails;
    expect(mail).toMatchObject({
      from: 'alerts@example.com',
      to: ['oncall@example.com'],
      hello: 'alert-router.example',
    });
    const { headers, parts } = parseMail(mail!.raw);
    expect(headers).toMatchObject({
      subject: '[FIRING:2] HighLatency (critical)',
      to: 'oncall@example.com',
      from: 'alerts@example.com',
      'x-team': 'sre',
    });
    expect(parts.map((part) => part.contentType)).toEqual(['text/plain', 'text/html']);
    expect(parts[0]!.body).toContain(`Acknowledge: ${ACK}`);
    expect(parts[0]!.body).toContain(' - service = web');
    expect(parts[1]!.body).toContain(`<a href="${ACK}"`);
  });

  it('retries a transient 451 reply and then delivers', async () => {
    await startSmtp({ rcpt: [{ code: 451, text: 'Temporary local problem' }, 'accept'] });
    const [result] = await harness.delivery.deliver(receiverFor(), messageOf());
    expect(result).toMatchObject({ outcome: 'sent', attempts: 2 });
    expect(harness.timer.sleeps).toEqual([100]);
    expect(smtp.mails).toHaveLength(1);
  });

  it('does not retry a permanent 550 reply', async () => {
    await startSmtp({ rcpt: [{ code: 550, text: 'No such user' }, 'accept'] });
    const [result] = await harness.delivery.deliver(receiverFor(), messageOf());
    expect(result).toMatchObject({ outcome: 'failed', attempts: 1, status: 550 });
    expect(result!.error).toContain('No such user');
    expect(smtp.rcptAttempts).toBe(1);
    expect(smtp.mails).toHaveLength(0);
  });

  it('authenticates with auth_password_file, and does not retry rejected credentials', async () => {
    await startSmtp({ users: { alerts: 's3cret' } });
    const dir = await mkdtemp(join(tmpdir(), 'smtp-pass-'));
    try {
      const file = join(dir, 'password');
      await writeFile(file, 's3cret\n');
      const [sent] = await harness.delivery.deliver(
        receiverFor({ auth_username: 'alerts', auth_password_file: file }),
        messageOf(),
      );
      expect(sent).toMatchObject({ outcome: 'sent', attempts: 1 });
      expect(smtp.mails[0]!.user).toBe('alerts');

      const [rejected] = await harness.delivery.deliver(
        receiverFor({ auth_username: 'alerts', auth_password: 'wrong' }),
        messageOf(),
      );
      expect(rejected).toMatchObject({ outcome: 'failed', attempts: 1, status: 535 });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses to send in the clear when require_tls is true and the server offers no STARTTLS', async () => {
    await startSmtp();
    const [result] = await harness.delivery.deliver(receiverFor({ require_tls: true }), messageOf());
    expect(result).toMatchObject({ outcome: 'failed', attempts: 1 });
    expect(result!.error).toMatch(/^ETLS: /);
    expect(smtp.mails).toHaveLength(0);
  });

  it('skips resolved notifications by default and sends them with send_resolved: true', async () => {
    await startSmtp();
    const [skipped] = await harness.delivery.deliver(receiverFor(), resolvedMessageOf());
    expect(skipped).toMatchObject({ outcome: 'skipped' });
    const [sent] = await harness.delivery.deliver(receiverFor({ send_resolved: true }), resolvedMessageOf());
    expect(sent).toMatchObject({ outcome: 'sent' });
    expect(smtp.mails).toHaveLength(1);
    expect(parseMail(smtp.mails[0]!.raw).headers['subject']).toBe('[RESOLVED] HighLatency (critical)');
  });
});
