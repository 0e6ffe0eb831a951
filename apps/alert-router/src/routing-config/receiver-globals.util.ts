import type { GlobalConfig } from './routing-config.schema';

type Raw = Record<string, unknown>;

/**
 * A receiver as written, with Alertmanager's `global:` defaults filled into integrations that do
 * not set them (`slack_api_url` → `api_url` unless `api_url_file` is set, `pagerduty_url` → `url`,
 * `smtp_*` → email fields), so the receivers' own schema sees complete configs.
 *
 * @example
 * receiverWithGlobals({ name: 'mail', email_configs: [{ to: 'a@b' }] }, { smtp_from: 'am@x', ... })
 */
export function receiverWithGlobals(receiver: Raw, global: GlobalConfig): Raw {
  const defaults: Record<string, (item: Raw) => Raw> = {
    slack_configs: (item) => ('api_url_file' in item ? {} : { api_url: global.slack_api_url }),
    pagerduty_configs: () => ({ url: global.pagerduty_url }),
    email_configs: (item) => ({
      from: global.smtp_from,
      smarthost: global.smtp_smarthost,
      hello: global.smtp_hello,
      auth_username: global.smtp_auth_username,
      ...('auth_password_file' in item ? {} : { auth_password: global.smtp_auth_password }),
      require_tls: global.smtp_require_tls,
    }),
  };
  const filled: Raw = { ...receiver };
  for (const [key, defaultsOf] of Object.entries(defaults)) {
    const list = receiver[key];
    if (!Array.isArray(list)) continue;
    filled[key] = list.map((item: unknown) =>
      isObject(item) ? { ...definedOnly(defaultsOf(item)), ...item } : item,
    );
  }
  return filled;
}

function isObject(value: unknown): value is Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function definedOnly(values: Raw): Raw {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined));
}
