import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { AlertStoreService, type StoredAlert } from '../alert-store/alert-store.service';
import type { Alert, Fingerprint } from '../alerts/alert.model';
import { isResolved } from '../alerts/alert.util';
import { AggregationGroup, type FlushBatch } from '../grouping/aggregation-group.machine';
import { groupKeyOf, groupLabelsOf } from '../grouping/group-key.util';
import { RouterMetrics } from '../metrics/router.metrics';
import { NotificationLogService } from '../notification-log/notification-log.service';
import { ROUTER_OPTIONS, type RouterOptions } from '../router-options';
import { matchRoutes } from '../routing/match-routes.util';
import type { Route } from '../routing/route.model';
import { RoutingConfigService } from '../routing-config/routing-config.service';
import { CLOCK, type CancelTask, type Clock, SCHEDULER, type Scheduler } from '../time/clock';
import { FlushPipeline, type FlushOutcome } from './flush-pipeline.service';

const MAINTENANCE_INTERVAL_MS = 15 * 60_000;

interface GroupSlot {
  readonly id: string;
  readonly route: Route;
  readonly group: AggregationGroup;
  armedAt?: number;
  cancel?: CancelTask;
  /** The pending preparation of the notification due at `armedAt`. */
  cancelPrepare?: CancelTask;
  /** The flush in progress, so a slow flush and the next tick never overlap. */
  running: Promise<void>;
}

/** A group's current content, for escalation steps and acknowledgements. */
export interface GroupView {
  readonly route: Route;
  readonly batch: FlushBatch;
}

/** Told after each flush that went through the pipeline. */
export type FlushListener = (view: GroupView, outcome: FlushOutcome) => Promise<void>;

/** Told the moment a group's flush starts, with the moment it was due (the bench measures from it). */
export type FlushStartListener = (groupKey: string, dueAt: Date) => void;

/**
 * Alertmanager's dispatcher: routes every alert to its aggregation groups, flushes each group on its
 * own timer (group_wait, then every group_interval) through the notification pipeline, and drops
 * groups once they are empty. Groups are rebuilt from the alert store at boot and from the alerts
 * held in memory on a config reload; the notification log keeps both from re-sending.
 */
@Injectable()
export class DispatcherService
  implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown
{
  private readonly logger = new Logger(DispatcherService.name);
  private readonly slots = new Map<string, GroupSlot>();
  private readonly byGroupKey = new Map<string, Set<string>>();
  private readonly alerts = new Map<Fingerprint, Alert>();
  private readonly holders = new Map<Fingerprint, Set<string>>();
  private readonly flushListeners: FlushListener[] = [];
  private readonly flushStartListeners: FlushStartListener[] = [];
  private readonly abort = new AbortController();
  /**
   * One controller per flush under way, aborted at shutdown. Hundreds of deliveries each listening
   * on one shared signal would cost O(n) per listener added and removed (EventTarget walks its list).
   */
  private readonly flushAborts = new Set<AbortController>();
  /** Flushes under way, so shutdown can let them record what they sent before the database closes. */
  private readonly inFlight = new Set<Promise<void>>();
  private maintenance?: CancelTask;
  private started = false;
  /** Alerts accepted while the boot rebuild was reading the store; applied right after it. */
  private earlyArrivals: StoredAlert[] = [];
  private markReady!: () => void;
  /** Resolves once the groups were rebuilt at boot. */
  readonly ready = new Promise<void>((resolve) => (this.markReady = resolve));

  constructor(
    private readonly config: RoutingConfigService,
    private readonly store: AlertStoreService,
    private readonly log: NotificationLogService,
    private readonly pipeline: FlushPipeline,
    private readonly metrics: RouterMetrics,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(SCHEDULER) private readonly scheduler: Scheduler,
    @Inject(ROUTER_OPTIONS) private readonly options: RouterOptions,
  ) {
    metrics.observeDispatcher(() => this.counts());
  }

  async onApplicationBootstrap(): Promise<void> {
    const config = await this.config.load();
    const now = this.clock();
    const [live, notified] = await Promise.all([
      this.store.listEndingAfter(now),
      this.log.notifiedFiringFingerprints(),
      this.log.preload(),
    ]);
    const liveFingerprints = new Set(live.map((alert) => alert.fingerprint));
    // Alerts that resolved while the router was down still owe their receivers a resolved notice.
    const owed = await this.store.findByFingerprints(notified.filter((fp) => !liveFingerprints.has(fp)));
    for (const alert of [...live, ...owed]) this.alerts.set(alert.fingerprint, withoutFingerprint(alert));
    this.regroup(config.route);
    this.config.onReload(async (next) => this.regroup(next.route));
    this.started = true;
    this.accept(this.earlyArrivals);
    this.earlyArrivals = [];
    this.scheduleMaintenance();
    this.markReady();
    this.logger.log({ alerts: this.alerts.size, groups: this.slots.size }, 'dispatcher started');
  }

  /**
   * Stops the timers, aborts deliveries in flight and waits for their flushes to finish: what was
   * sent gets its notification log entry (and what was cut short its audit row) while the database
   * is still open, so a restart re-sends exactly what was not delivered.
   */
  async beforeApplicationShutdown(): Promise<void> {
    this.onApplicationShutdown();
    await Promise.allSettled([...this.inFlight]);
  }

  onApplicationShutdown(): void {
    this.abort.abort();
    for (const controller of this.flushAborts) controller.abort();
    this.maintenance?.();
    for (const slot of this.slots.values()) cancelTimers(slot);
  }

  /** Registers a listener told after every flush that went through the pipeline. */
  onFlushed(listener: FlushListener): void {
    this.flushListeners.push(listener);
  }

  /** Registers a listener told when a flush starts. */
  onFlushStart(listener: FlushStartListener): void {
    this.flushStartListeners.push(listener);
  }

  /** Takes alerts as just stored: routes each into its groups and arms their timers. */
  accept(alerts: readonly StoredAlert[]): void {
    if (!this.started) {
      this.earlyArrivals.push(...alerts);
      return;
    }
    const root = this.config.config.route;
    for (const stored of alerts) {
      const alert = withoutFingerprint(stored);
      this.alerts.set(stored.fingerprint, alert);
      this.insert(root, stored.fingerprint, alert);
    }
  }

  /** The groups with this key as a flush now would show them (one per route that has the key). */
  viewsOf(groupKey: string): GroupView[] {
    const now = this.clock();
    return [...(this.byGroupKey.get(groupKey) ?? [])].flatMap((id) => {
      const slot = this.slots.get(id);
      const batch = slot?.group.snapshot(now);
      return slot && batch ? [{ route: slot.route, batch }] : [];
    });
  }

  /** Every alert held (the inhibition candidates). */
  knownAlerts(): Alert[] {
    return [...this.alerts.values()];
  }

  private regroup(root: Route): void {
    for (const slot of this.slots.values()) cancelTimers(slot);
    this.slots.clear();
    this.byGroupKey.clear();
    this.holders.clear();
    for (const [fingerprint, alert] of this.alerts) this.insert(root, fingerprint, alert, alert.startsAt);
  }

  private insert(root: Route, fingerprint: Fingerprint, alert: Alert, createdAt?: Date): void {
    for (const route of matchRoutes(root, alert.labels)) {
      const id = `${route.id}\u0000${groupKeyOf(route, alert.labels)}`;
      let slot = this.slots.get(id);
      if (!slot) {
        const now = this.clock();
        const created = createdAt && createdAt.getTime() < now.getTime() ? createdAt : now;
        const group = new AggregationGroup(route, groupLabelsOf(route, alert.labels), this.clock, created);
        slot = { id, route, group, running: Promise.resolve() };
        this.slots.set(id, slot);
        setOf(this.byGroupKey, slot.group.groupKey).add(id);
      }
      slot.group.insert(alert, fingerprint);
      setOf(this.holders, fingerprint).add(id);
      this.arm(slot);
      // The group changed: a notification prepared already is stale, prepare it again.
      this.schedulePrepare(slot);
    }
  }

  private arm(slot: GroupSlot): void {
    const at = slot.group.nextFlushAt();
    if (slot.armedAt === at.getTime()) return;
    slot.cancel?.();
    slot.armedAt = at.getTime();
    slot.cancel = this.scheduler.schedule(at, () => {
      const dueAtMs = performance.now() - Math.max(0, this.clock().getTime() - at.getTime());
      const running = slot.running.then(() => this.flush(slot, at, dueAtMs));
      slot.running = running;
      this.inFlight.add(running);
      const settled = (): void => void this.inFlight.delete(running);
      running.then(settled, settled);
      return running;
    });
    slot.cancelPrepare?.();
    slot.cancelPrepare = undefined;
    this.schedulePrepare(slot);
  }

  /**
   * Prepares the notification due at `armedAt` `prepareLeadMs` before (or at once if that moment
   * passed), unless a preparation is pending already or there is no time left before the flush.
   * The flush moment then only checks that nothing changed and sends (see FlushPipeline.prepare).
   * The lead must cover preparing a whole burst of groups falling due together, and stays short so
   * that few payloads wait in memory.
   */
  private schedulePrepare(slot: GroupSlot): void {
    const dueMs = slot.armedAt;
    if (dueMs === undefined || slot.cancelPrepare) return;
    const at = Math.max(this.clock().getTime(), dueMs - this.options.prepareLeadMs);
    if (at >= dueMs) return;
    slot.cancelPrepare = this.scheduler.schedule(new Date(at), async () => {
      slot.cancelPrepare = undefined;
      if (this.slots.get(slot.id) !== slot || slot.armedAt !== dueMs) return;
      const batch = slot.group.prepare(new Date(dueMs));
      if (batch) this.pipeline.prepare(batch, dueMs - this.clock().getTime());
    });
  }

  private async flush(slot: GroupSlot, dueAt: Date, dueAtMs: number): Promise<void> {
    if (this.slots.get(slot.id) !== slot || this.abort.signal.aborted) return;
    slot.armedAt = undefined;
    const now = this.clock();
    const batch = slot.group.flush(now);
    if (!batch) {
      if (slot.group.isDroppable()) this.drop(slot);
      else this.arm(slot);
      return;
    }
    this.arm(slot);
    for (const listener of this.flushStartListeners) listener(batch.groupKey, dueAt);
    let outcome: FlushOutcome;
    const abort = new AbortController();
    this.flushAborts.add(abort);
    try {
      outcome = await this.pipeline.process(batch, slot.route, {
        sources: () => this.knownAlerts(),
        dueAtMs,
        signal: abort.signal,
      });
    } catch (error) {
      this.metrics.flushes.inc({ result: 'failed' });
      this.logger.error({ err: error, groupKey: batch.groupKey }, 'flush failed; retrying at the next tick');
      return;
    } finally {
      this.flushAborts.delete(abort);
    }
    if (outcome.ok && this.slots.get(slot.id) === slot) {
      const { removed, droppable } = slot.group.markDelivered(batch);
      for (const fingerprint of removed) this.release(fingerprint, slot.id);
      if (droppable) this.drop(slot);
    }
    for (const listener of this.flushListeners) {
      try {
        await listener({ route: slot.route, batch }, outcome);
      } catch (error) {
        this.logger.error({ err: error, groupKey: batch.groupKey }, 'flush listener failed');
      }
    }
  }

  /** Alertmanager's maintenance: expired notification log entries are deleted every 15 minutes. */
  private scheduleMaintenance(): void {
    const at = new Date(this.clock().getTime() + MAINTENANCE_INTERVAL_MS);
    this.maintenance = this.scheduler.schedule(at, async () => {
      try {
        const deleted = await this.log.deleteExpired();
        if (deleted > 0) this.logger.log({ deleted }, 'expired notification log entries deleted');
      } catch (error) {
        this.logger.error({ err: error }, 'notification log maintenance failed');
      }
      if (!this.abort.signal.aborted) this.scheduleMaintenance();
    });
  }

  private drop(slot: GroupSlot): void {
    cancelTimers(slot);
    this.slots.delete(slot.id);
    const ids = this.byGroupKey.get(slot.group.groupKey);
    ids?.delete(slot.id);
    if (ids?.size === 0) this.byGroupKey.delete(slot.group.groupKey);
  }

  /** The group no longer holds the alert; forget the alert once no group does and it is resolved. */
  private release(fingerprint: Fingerprint, slotId: string): void {
    const holders = this.holders.get(fingerprint);
    holders?.delete(slotId);
    if (holders && holders.size > 0) return;
    this.holders.delete(fingerprint);
    const alert = this.alerts.get(fingerprint);
    if (alert && isResolved(alert, this.clock())) this.alerts.delete(fingerprint);
  }

  private counts() {
    const now = this.clock();
    let firing = 0;
    for (const alert of this.alerts.values()) if (!isResolved(alert, now)) firing++;
    return { groups: this.slots.size, firing, resolved: this.alerts.size - firing };
  }
}

/** The alert without its `fingerprint` (built field by field: an object rest spread costs several times more). */
function withoutFingerprint(stored: StoredAlert): Alert {
  const alert: { -readonly [K in keyof Alert]: Alert[K] } = {
    labels: stored.labels,
    annotations: stored.annotations,
    startsAt: stored.startsAt,
    updatedAt: stored.updatedAt,
  };
  if (stored.endsAt !== undefined) alert.endsAt = stored.endsAt;
  if (stored.generatorURL !== undefined) alert.generatorURL = stored.generatorURL;
  if (stored.timeout !== undefined) alert.timeout = stored.timeout;
  return alert;
}

function cancelTimers(slot: GroupSlot): void {
  slot.cancel?.();
  slot.cancelPrepare?.();
  slot.cancelPrepare = undefined;
}

function setOf<K, V>(map: Map<K, Set<V>>, key: K): Set<V> {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  return set;
}
