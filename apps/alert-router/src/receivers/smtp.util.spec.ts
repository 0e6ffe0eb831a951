import { hostAndPortOf, outcomeOfSmtpError, smtpCodeOf } from './smtp.util';

/** A nodemailer-shaped error. */
const smtpError = (message: string, fields: { code?: string; responseCode?: number }) =>
  Object.assign(new Error(message), fields);

describe(hostAndPortOf.name, () => {
  it('splits host:port, unbracketing IPv6', () => {
    expect(hostAndPortOf('mail.example.com:587')).toEqual({ host: 'mail.example.com', port: 587 });
    expect(hostAndPortOf('[::1]:25')).toEqual({ host: '::1', port: 25 });
  });
});

describe(outcomeOfSmtpError.name, () => {
  it('retries a 4xx reply and not a 5xx reply', () => {
    expect(outcomeOfSmtpError(smtpError('Mailbox busy', { code: 'EENVELOPE', responseCode: 450 }))).toEqual({
      kind: 'retryable',
      status: 450,
      error: 'EENVELOPE: Mailbox busy',
    });
    expect(
      outcomeOfSmtpError(smtpError('Invalid login', { code: 'EAUTH', responseCode: 535 })),
    ).toMatchObject({
      kind: 'permanent',
      status: 535,
    });
  });

  it('does not retry a TLS or envelope problem without a reply code', () => {
    expect(outcomeOfSmtpError(smtpError('No recipients defined', { code: 'EENVELOPE' })).kind).toBe(
      'permanent',
    );
    expect(outcomeOfSmtpError(smtpError('Error initiating TLS', { code: 'ETLS' })).kind).toBe('permanent');
  });

  it('retries connection failures', () => {
    expect(outcomeOfSmtpError(smtpError('connect ECONNREFUSED 127.0.0.1:25', { code: 'ESOCKET' }))).toEqual({
      kind: 'retryable',
      error: 'ESOCKET: connect ECONNREFUSED 127.0.0.1:25',
    });
    expect(outcomeOfSmtpError(smtpError('Greeting never received', { code: 'ETIMEDOUT' })).kind).toBe(
      'retryable',
    );
    expect(outcomeOfSmtpError(null)).toEqual({ kind: 'retryable', error: 'null' });
  });
});

describe(smtpCodeOf.name, () => {
  it('reads the reply code of a response line', () => {
    expect(smtpCodeOf('250 OK: message queued')).toBe(250);
    expect(smtpCodeOf(undefined)).toBeUndefined();
    expect(smtpCodeOf('OK')).toBeUndefined();
  });
});
