import { receiverConfigSchema } from '../receivers';
import { integrationsOf } from './integrations.util';

describe(integrationsOf.name, () => {
  it('splits a receiver into single-integration receivers with their kind, index and send_resolved', () => {
    const receiver = receiverConfigSchema.parse({
      name: 'ops',
      slack_configs: [{ api_url: 'https://hooks.slack.com/services/T/B/X' }],
      webhook_configs: [{ url: 'http://a' }, { url: 'http://b', send_resolved: false }],
    });
    const integrations = integrationsOf(receiver);
    expect(integrations.map((i) => [i.kind, i.index, i.sendResolved])).toEqual([
      ['slack', 0, false],
      ['webhook', 0, true],
      ['webhook', 1, false],
    ]);
    expect(integrations[2]?.receiver).toEqual({
      name: 'ops',
      slack_configs: [],
      pagerduty_configs: [],
      email_configs: [],
      webhook_configs: [receiver.webhook_configs[1]],
    });
  });

  it('has none for a receiver without integrations', () => {
    expect(integrationsOf(receiverConfigSchema.parse({ name: 'blackhole' }))).toEqual([]);
  });
});
