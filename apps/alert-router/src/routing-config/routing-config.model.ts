import type { InhibitRule } from '../inhibition/inhibit-rule.model';
import type { ReceiverConfig } from '../receivers';
import type { Route } from '../routing/route.model';

/** One timed step of an escalation: after `waitMs`, notify `receiver` with the group's current alerts. */
export interface EscalationStep {
  readonly receiver: string;
  readonly waitMs: number;
}

/**
 * Our extension to Alertmanager: what happens while a firing group stays unacknowledged. The
 * route's own receiver is notified as usual; then each step waits and notifies its receiver; after
 * the last step the steps run again, `repeat` more times at most.
 */
export interface EscalationPolicy {
  readonly name: string;
  readonly steps: readonly EscalationStep[];
  readonly repeat: number;
}

/** The validated, resolved routing configuration the dispatcher runs on. */
export interface RoutingConfig {
  readonly resolveTimeoutMs: number;
  /** Base URL of this router as users reach it: the webhook `externalURL` and the base of ack links. */
  readonly externalUrl: string;
  readonly route: Route;
  readonly receivers: ReadonlyMap<string, ReceiverConfig>;
  readonly inhibitRules: readonly InhibitRule[];
  readonly escalationPolicies: ReadonlyMap<string, EscalationPolicy>;
  /** SHA-256 of the YAML text, so logs and `/-/reload` answers say which version runs. */
  readonly hash: string;
}

/** One problem in the YAML, located by the path of its node (`receivers[1].webhook_configs[0].url`). */
export interface ConfigIssue {
  readonly path: string;
  readonly message: string;
}
