/** The Slack channel receiver of each component that has its own channel; others go to the team channel. */
const COMPONENT_CHANNELS: Readonly<Record<string, string>> = {
  oracle: 'oracle-operations',
  contracts: 'contract-monitoring',
  api: 'api-monitoring',
};

/** The team channel: warnings and everything without a channel of its own. */
export const TEAM_RECEIVER = 'team-slack';
/** Critical alerts page through PagerDuty. */
export const PAGER_RECEIVER = 'pagerduty-oncall';

/**
 * The receivers the alert-router's routing.yml must pick for an alert, per the operations policy:
 * critical → PagerDuty plus the channel; oracle/contracts/api → their channels; the rest → team.
 *
 * @example expectedReceivers('critical', 'oracle') // ['pagerduty-oncall', 'oracle-operations']
 */
export function expectedReceivers(severity: string, component: string): string[] {
  const channel = COMPONENT_CHANNELS[component] ?? TEAM_RECEIVER;
  return severity === 'critical' ? [PAGER_RECEIVER, channel] : [channel];
}

/** Receivers Alertmanager (deploy/alertmanager) must pick: the router, plus PagerDuty when the router is what failed. */
export function expectedAlertmanagerReceivers(labels: Readonly<Record<string, string>>): string[] {
  const routerItself =
    (['ServiceDown', 'ServiceInstanceDown'].includes(labels['alertname'] ?? '') &&
      labels['service'] === 'alert-router') ||
    labels['alertname'] === 'AlertNotificationsFailing';
  return routerItself ? ['pagerduty-direct', 'alert-router'] : ['alert-router'];
}
