/** Label names to values. A label that is absent reads as "" everywhere, as in Alertmanager. */
export type Labels = Readonly<Record<string, string>>;

/** An alert's identity: its label set's fingerprint as 16 lowercase hex digits (see `fingerprintOf`). */
export type Fingerprint = string;

/** Alertmanager's `global.resolve_timeout` default (config/config.go `DefaultGlobalConfig`). */
export const DEFAULT_RESOLVE_TIMEOUT_MS = 5 * 60_000;

/** An alert as the router stores it: Alertmanager's `types.Alert`. */
export interface Alert {
  readonly labels: Labels;
  readonly annotations: Labels;
  readonly startsAt: Date;
  /** When it ended, or will end unless refreshed; after `receivedAlertOf` it is always set. */
  readonly endsAt?: Date;
  readonly generatorURL?: string;
  /** When the router received this version: the authority when two versions are merged. */
  readonly updatedAt: Date;
  /** endsAt was derived from resolve_timeout rather than sent by the client (Alertmanager's `Timeout`). */
  readonly timeout?: boolean;
}

/** An alert as a client posts it: only the labels are required, as in Alertmanager's API. */
export interface IncomingAlert {
  readonly labels: Labels;
  readonly annotations?: Labels;
  readonly startsAt?: Date;
  readonly endsAt?: Date;
  readonly generatorURL?: string;
  /** When it was first received; set it when replaying a log so that replays stay harmless. */
  readonly updatedAt?: Date;
}
