import type { Alert, Fingerprint, Labels } from '../alerts/alert.model';
import { compareAlerts } from '../alerts/alert.util';
import { fingerprintOf } from '../alerts/fingerprint.util';
import type { Route } from '../routing/route.model';
import { groupKeyOf } from './group-key.util';

/** The current time; injected so the machine can be driven deterministically. */
export type Clock = () => Date;

/** What one flush of a group hands to the notification pipeline. */
export interface FlushBatch {
  readonly groupKey: string;
  readonly groupLabels: Labels;
  readonly routeId: string;
  readonly receiver: string;
  readonly repeatIntervalMs: number;
  readonly flushedAt: Date;
  /** Sorted as Alertmanager sorts notifications; firing ones without an end time. */
  readonly alerts: readonly Alert[];
  readonly firing: ReadonlySet<Fingerprint>;
  readonly resolved: ReadonlySet<Fingerprint>;
}

/** A snapshot's content, reusable for any `now` in [fromMs, untilMs) while the group is unchanged. */
interface Content {
  readonly version: number;
  readonly fromMs: number;
  /** The first end time after `fromMs` (an alert resolving there changes the snapshot). */
  readonly untilMs: number;
  readonly alerts: readonly Alert[];
  readonly firing: ReadonlySet<Fingerprint>;
  readonly resolved: ReadonlySet<Fingerprint>;
}

/**
 * One aggregation group (Alertmanager's `aggrGroup`) as a timer-free state machine: the owner asks
 * `nextFlushAt()`, calls `flush(now)` then, sends the batch, and reports success with
 * `markDelivered(batch)`. The first flush comes group_wait after the group was created — at once
 * if an alert started more than group_wait ago — and later ones every group_interval.
 *
 * `prepare(at)` builds the snapshot a flush at `at` will send ahead of time (sorting and copying
 * the alerts is most of a flush's own work); the flush reuses it unless the group changed since
 * (an alert added, updated or removed) or an alert's end time passed in between.
 *
 * @example
 * const group = new AggregationGroup(route, groupLabelsOf(route, alert.labels), () => new Date());
 * group.insert(alert);
 * const batch = group.flush(group.nextFlushAt()); // then send, then group.markDelivered(batch)
 */
export class AggregationGroup {
  readonly groupKey: string;
  private readonly alerts = new Map<Fingerprint, Alert>();
  private nextFlushMs: number;
  private hasFlushed = false;
  /** Bumped by every change of `alerts`: a prepared snapshot of an older version is stale. */
  private version = 0;
  private prepared?: Content;

  /**
   * `createdAt` (default: now) starts group_wait; a group rebuilt after a restart passes the time
   * its alerts arrived, so its first flush keeps its original moment.
   */
  constructor(
    readonly route: Route,
    readonly groupLabels: Labels,
    private readonly clock: Clock,
    createdAt: Date = clock(),
  ) {
    this.groupKey = groupKeyOf(route, groupLabels);
    this.nextFlushMs = createdAt.getTime() + route.groupWaitMs;
  }

  /** Adds or replaces (by fingerprint, if known pass it) an alert, already merged by the alert store. */
  insert(alert: Alert, fingerprint: Fingerprint = fingerprintOf(alert.labels)): void {
    this.alerts.set(fingerprint, alert);
    this.version++;
    const now = this.clock().getTime();
    // A group of old alerts flushes at once: their group_wait is already over.
    if (!this.hasFlushed && alert.startsAt.getTime() + this.route.groupWaitMs < now) {
      this.nextFlushMs = Math.min(this.nextFlushMs, now);
    }
  }

  /** When `flush` is next due. */
  nextFlushAt(): Date {
    return new Date(this.nextFlushMs);
  }

  /**
   * The batch to notify about if a flush is due at `now` (undefined if not due, or due but the
   * group is empty). A due flush schedules the next one group_interval after `now`. Alerts still
   * firing at `now` are sent without an end time, so they do not resolve as time moves on.
   */
  flush(now: Date): FlushBatch | undefined {
    if (now.getTime() < this.nextFlushMs) return undefined;
    this.nextFlushMs = now.getTime() + this.route.groupIntervalMs;
    this.hasFlushed = true;
    const batch = this.snapshot(now);
    // Prepared for this flush only: holding it until the next one would only cost memory.
    this.prepared = undefined;
    return batch;
  }

  /**
   * Builds ahead of time the snapshot a flush at `at` will take (see `snapshot`), and returns it;
   * undefined when the group is empty.
   */
  prepare(at: Date): FlushBatch | undefined {
    if (this.alerts.size === 0) return undefined;
    this.prepared = this.contentAt(at.getTime());
    return this.batchOf(this.prepared, at);
  }

  /** Whether `snapshot(at)` will reuse a prepared snapshot (nothing changed since it was prepared). */
  isPreparedFor(at: Date): boolean {
    return this.preparedFor(at.getTime()) !== undefined;
  }

  /**
   * The group's alerts as a flush at `now` would send them, without flushing: what an escalation
   * step or an acknowledgement shows. Undefined when the group is empty.
   */
  snapshot(now: Date): FlushBatch | undefined {
    if (this.alerts.size === 0) return undefined;
    return this.batchOf(this.preparedFor(now.getTime()) ?? this.contentAt(now.getTime()), now);
  }

  /**
   * Records that `batch` was delivered: its resolved alerts leave the group, unless they were
   * updated since (Alertmanager's `DeleteIfNotModified`). Returns whether the group is now empty
   * and can be dropped.
   */
  markDelivered(batch: FlushBatch): {
    readonly removed: readonly Fingerprint[];
    readonly droppable: boolean;
  } {
    if (batch.groupKey !== this.groupKey)
      throw new Error(`batch of ${batch.groupKey} marked on group ${this.groupKey}`);
    const removed: Fingerprint[] = [];
    for (const alert of batch.alerts) {
      const fingerprint = fingerprintOf(alert.labels);
      const current = this.alerts.get(fingerprint);
      if (batch.resolved.has(fingerprint) && current?.updatedAt.getTime() === alert.updatedAt.getTime()) {
        this.alerts.delete(fingerprint);
        this.version++;
        removed.push(fingerprint);
      }
    }
    return { removed, droppable: this.isDroppable() };
  }

  /** Whether the group holds no alerts, so its owner may drop it (Alertmanager's maintenance does). */
  isDroppable(): boolean {
    return this.alerts.size === 0;
  }

  private preparedFor(nowMs: number): Content | undefined {
    const prepared = this.prepared;
    if (!prepared || prepared.version !== this.version) return undefined;
    return prepared.fromMs <= nowMs && nowMs < prepared.untilMs ? prepared : undefined;
  }

  private contentAt(nowMs: number): Content {
    const firing = new Set<Fingerprint>();
    const resolved = new Set<Fingerprint>();
    let untilMs = Number.POSITIVE_INFINITY;
    const alerts = [...this.alerts].map(([fingerprint, alert]) => {
      // Resolved as `isResolved` decides: an end time set and not after now.
      const endsAtMs = alert.endsAt?.getTime();
      if (endsAtMs !== undefined && endsAtMs <= nowMs) {
        resolved.add(fingerprint);
        return alert;
      }
      if (endsAtMs !== undefined && endsAtMs < untilMs) untilMs = endsAtMs;
      firing.add(fingerprint);
      return withoutEnd(alert);
    });
    alerts.sort(compareAlerts);
    return { version: this.version, fromMs: nowMs, untilMs, alerts, firing, resolved };
  }

  private batchOf(content: Content, now: Date): FlushBatch {
    return {
      groupKey: this.groupKey,
      groupLabels: this.groupLabels,
      routeId: this.route.id,
      receiver: this.route.receiver,
      repeatIntervalMs: this.route.repeatIntervalMs,
      flushedAt: now,
      alerts: content.alerts,
      firing: content.firing,
      resolved: content.resolved,
    };
  }
}

/** The alert without `endsAt` (built field by field: an object rest spread costs several times more). */
function withoutEnd(alert: Alert): Alert {
  const copy: { -readonly [K in keyof Alert]: Alert[K] } = {
    labels: alert.labels,
    annotations: alert.annotations,
    startsAt: alert.startsAt,
    updatedAt: alert.updatedAt,
  };
  if (alert.generatorURL !== undefined) copy.generatorURL = alert.generatorURL;
  if (alert.timeout !== undefined) copy.timeout = alert.timeout;
  return copy;
}
