import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AlertSource } from '../alert-store/alert-history.entity';
import { AlertStoreService, type StoredAlert } from '../alert-store/alert-store.service';
import type { IncomingAlert } from '../alerts/alert.model';
import { RoutingConfigService } from '../routing-config/routing-config.service';
import { DispatcherService } from './dispatcher.service';

/**
 * The one way alerts enter the router (API v2, Alertmanager webhooks, `alerts.raw.v1`): stored
 * with the configured resolve_timeout, then handed to the dispatcher once committed.
 */
@Injectable()
export class AlertIntakeService {
  constructor(
    private readonly store: AlertStoreService,
    private readonly config: RoutingConfigService,
    private readonly dispatcher: DispatcherService,
  ) {}

  /** Stores and dispatches the alerts; returns them as stored. */
  async ingest(incoming: readonly IncomingAlert[], source: AlertSource): Promise<StoredAlert[]> {
    const stored = await this.store.ingest(incoming, source, { resolveTimeoutMs: this.resolveTimeoutMs() });
    this.dispatcher.accept(stored);
    return stored;
  }

  /** Stores inside the caller's transaction; call `dispatch` with the result after it commits. */
  ingestWithin(manager: EntityManager, incoming: readonly IncomingAlert[], source: AlertSource) {
    return this.store.ingest(incoming, source, { manager, resolveTimeoutMs: this.resolveTimeoutMs() });
  }

  /** Hands committed alerts to the dispatcher. */
  dispatch(stored: readonly StoredAlert[]): void {
    this.dispatcher.accept(stored);
  }

  private resolveTimeoutMs(): number {
    return this.config.config.resolveTimeoutMs;
  }
}
