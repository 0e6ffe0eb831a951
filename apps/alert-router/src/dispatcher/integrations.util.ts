import type { IntegrationKind, ReceiverConfig } from '../receivers';

const LISTS = {
  slack: 'slack_configs',
  pagerduty: 'pagerduty_configs',
  email: 'email_configs',
  webhook: 'webhook_configs',
} as const satisfies Record<IntegrationKind, keyof ReceiverConfig>;

/** One integration of a receiver, as its own single-integration receiver. */
export interface Integration {
  readonly kind: IntegrationKind;
  /** Position among the receiver's configs of this kind (Alertmanager's `idx`). */
  readonly index: number;
  readonly sendResolved: boolean;
  /** The receiver narrowed to just this integration, for `ReceiverDelivery.deliver`. */
  readonly receiver: ReceiverConfig;
}

/**
 * A receiver's integrations one by one, so each keeps its own notification log entry and
 * `send_resolved` decision as in Alertmanager's pipeline (one stage chain per integration).
 *
 * @example
 * integrationsOf(receiver).map((i) => `${i.kind}/${i.index}`) // ['slack/0', 'webhook/0', 'webhook/1']
 */
export function integrationsOf(receiver: ReceiverConfig): readonly Integration[] {
  let integrations = known.get(receiver);
  if (!integrations) known.set(receiver, (integrations = split(receiver)));
  return integrations;
}

// A receiver's config never changes (a reload brings new objects), so its split is computed once.
const known = new WeakMap<ReceiverConfig, readonly Integration[]>();

function split(receiver: ReceiverConfig): readonly Integration[] {
  const empty: ReceiverConfig = {
    name: receiver.name,
    slack_configs: [],
    pagerduty_configs: [],
    email_configs: [],
    webhook_configs: [],
  };
  return (Object.entries(LISTS) as [IntegrationKind, (typeof LISTS)[IntegrationKind]][]).flatMap(
    ([kind, list]) =>
      (receiver[list] as readonly { send_resolved: boolean }[]).map((config, index) => ({
        kind,
        index,
        sendResolved: config.send_resolved,
        receiver: { ...empty, [list]: [config] },
      })),
  );
}
