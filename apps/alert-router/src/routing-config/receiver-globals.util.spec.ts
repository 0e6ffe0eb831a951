import { receiverWithGlobals } from './receiver-globals.util';

describe(receiverWithGlobals.name, () => {
  const global = {
    resolve_timeout: '5m',
    external_url: 'http://localhost:3004',
    slack_api_url: 'https://hooks.slack.com/services/T/B/X',
    smtp_from: 'am@example.com',
    smtp_smarthost: 'smtp:25',
    smtp_auth_username: 'am',
    smtp_auth_password: 'pw',
  };

  it('fills unset integration fields from global, leaving set ones alone', () => {
    expect(
      receiverWithGlobals(
        {
          name: 'r',
          slack_configs: [{}, { api_url: 'https://own' }, { api_url_file: '/run/url' }],
          email_configs: [
            { to: 'a@b', from: 'me@b' },
            { to: 'c@d', auth_password_file: '/run/pw' },
          ],
        },
        global,
      ),
    ).toEqual({
      name: 'r',
      slack_configs: [
        { api_url: 'https://hooks.slack.com/services/T/B/X' },
        { api_url: 'https://own' },
        { api_url_file: '/run/url' },
      ],
      email_configs: [
        { to: 'a@b', from: 'me@b', smarthost: 'smtp:25', auth_username: 'am', auth_password: 'pw' },
        {
          to: 'c@d',
          from: 'am@example.com',
          smarthost: 'smtp:25',
          auth_username: 'am',
          auth_password_file: '/run/pw',
        },
      ],
    });
  });

  it('leaves receivers without those integrations unchanged', () => {
    expect(receiverWithGlobals({ name: 'r', webhook_configs: [{ url: 'http://x' }] }, global)).toEqual({
      name: 'r',
      webhook_configs: [{ url: 'http://x' }],
    });
  });
});
