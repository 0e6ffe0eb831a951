import { Inject, Injectable } from '@nestjs/common';
import { createTransport } from 'nodemailer';
import type { AttemptContext } from './attempt-context';
import { emailMessageOf } from './email-message.util';
import type { EmailConfig } from './receiver-config.schema';
import { RECEIVER_DELIVERY_OPTIONS, type ReceiverDeliveryOptions } from './receiver-delivery.options';
import type { WebhookMessage } from './receiver.types';
import type { AttemptOutcome } from './retry-policy.util';
import { readSecretFile } from './secret-file.util';
import { hostAndPortOf, outcomeOfSmtpError, smtpCodeOf } from './smtp.util';

/**
 * Email over SMTP with nodemailer, one SMTP session per attempt. As in Alertmanager, port 465 means
 * implicit TLS, `require_tls` (default true) demands STARTTLS and `require_tls: false` sends in
 * the clear. A 4xx reply is transient (retried), a 5xx reply permanent.
 */
@Injectable()
export class EmailReceiver {
  constructor(@Inject(RECEIVER_DELIVERY_OPTIONS) private readonly options: ReceiverDeliveryOptions) {}

  async send(config: EmailConfig, message: WebhookMessage, ctx: AttemptContext): Promise<AttemptOutcome> {
    const password =
      config.auth_password ??
      (config.auth_password_file === undefined
        ? undefined
        : await readSecretFile('auth_password_file', config.auth_password_file));
    const { host, port } = hostAndPortOf(config.smarthost);
    const timeout = this.options.retry.requestTimeoutMs;
    const transport = createTransport({
      host,
      port,
      secure: port === 465,
      requireTLS: config.require_tls,
      ignoreTLS: !config.require_tls,
      name: config.hello,
      connectionTimeout: timeout,
      greetingTimeout: timeout,
      socketTimeout: timeout,
      ...(config.auth_username ? { auth: { user: config.auth_username, pass: password ?? '' } } : {}),
    });
    const mail = emailMessageOf(config, message, ctx.ackUrl);
    try {
      const info = await untilAborted(transport.sendMail(mail), ctx.signal);
      return { kind: 'delivered', status: smtpCodeOf(info.response) ?? 250 };
    } catch (error) {
      if (ctx.signal.aborted) throw error; // the retry loop tells a timeout from a shutdown
      return outcomeOfSmtpError(error);
    } finally {
      transport.close();
    }
  }
}

/** nodemailer takes no AbortSignal: stop waiting on abort; its socket timeouts end the session. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason as Error);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason as Error);
    signal.addEventListener('abort', onAbort, { once: true });
    void promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
