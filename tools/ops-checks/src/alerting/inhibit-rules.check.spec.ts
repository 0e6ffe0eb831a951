import { expectedAlertmanagerReceivers, expectedReceivers } from './routing-policy';
import { checkInhibitRules } from './inhibit-rules.check';

const names = new Set(['APIServerDown', 'APIHighLatency', 'APIHighErrorRate', 'PostgresDown']);

describe(checkInhibitRules.name, () => {
  it('accepts rules naming existing alerts, exactly or by regex', () => {
    expect(
      checkInhibitRules(
        [
          {
            source_matchers: ['alertname="APIServerDown"'],
            target_matchers: ['alertname=~"APIHigh.*|APIHighLatency"'],
            equal: ['service'],
          },
          {
            source_matchers: ['alertname="PostgresDown"'],
            target_matchers: ['component="database"', 'alertname!="PostgresDown"'],
          },
        ],
        names,
      ),
    ).toEqual([]);
  });

  it('names alerts that do not exist and rules missing a side', () => {
    expect(
      checkInhibitRules(
        [
          {
            source_matchers: ['alertname="ApiServerDown"'],
            target_matchers: ['alertname=~"APIHighLatency|APILatencyHigh|Kafka.*"'],
          },
          { source_matchers: ['alertname="PostgresDown"'] },
        ],
        names,
      ),
    ).toEqual([
      'inhibit_rules[0]: alertname="ApiServerDown" names no existing alert',
      'inhibit_rules[0]: alertname=~"APIHighLatency|APILatencyHigh|Kafka.*" names APILatencyHigh, which is no alert',
      'inhibit_rules[0]: alertname=~"APIHighLatency|APILatencyHigh|Kafka.*" part Kafka.* matches no alert',
      'inhibit_rules[1]: needs source_matchers and target_matchers',
    ]);
  });
});

describe(expectedReceivers.name, () => {
  it('pages critical alerts and sends each component to its channel', () => {
    expect(expectedReceivers('critical', 'oracle')).toEqual(['pagerduty-oncall', 'oracle-operations']);
    expect(expectedReceivers('critical', 'database')).toEqual(['pagerduty-oncall', 'team-slack']);
    expect(expectedReceivers('warning', 'contracts')).toEqual(['contract-monitoring']);
    expect(expectedReceivers('warning', 'api')).toEqual(['api-monitoring']);
    expect(expectedReceivers('warning', 'indexer')).toEqual(['team-slack']);
  });

  it('bypasses the alert-router in Alertmanager only when the router itself fails', () => {
    expect(expectedAlertmanagerReceivers({ alertname: 'ServiceDown', service: 'alert-router' })).toEqual([
      'pagerduty-direct',
      'alert-router',
    ]);
    expect(expectedAlertmanagerReceivers({ alertname: 'ServiceDown', service: 'oracle' })).toEqual([
      'alert-router',
    ]);
  });
});
