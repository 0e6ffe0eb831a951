import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { KafkaReadinessCheck } from '@convergence/messaging';
import { DataSource } from 'typeorm';
import type { UpstreamName } from '../routes/route.model';
import { UpstreamClient } from '../upstream/upstream.client';
import { type OverallStatus, type ServiceHealth, overallStatus } from './board-status.util';

const services: readonly UpstreamName[] = ['chain-indexer', 'unlock-engine', 'oracle', 'alert-router'];
/** Where each service describes itself (the chain-indexer per chain: head, indexed block, RPC endpoints); the alert-router has no such page. */
const statusPaths: Record<UpstreamName, string | undefined> = {
  'chain-indexer': '/chains',
  'unlock-engine': '/status',
  oracle: '/status',
  'alert-router': undefined,
};
const PROBE_TIMEOUT_MS = 2_000;

export interface StatusBoard {
  status: OverallStatus;
  checkedAt: string;
  gateway: Record<'postgres' | 'kafka', 'up' | 'down'>;
  services: Record<string, ServiceHealth>;
}

/** Asks every service for `/ready` and `/status` in parallel and puts the answers on one board. */
@Injectable()
export class StatusBoardService {
  constructor(
    private readonly upstream: UpstreamClient,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly kafka: KafkaReadinessCheck,
  ) {}

  async board(): Promise<StatusBoard> {
    const [postgres, kafka, ...probed] = await Promise.all([
      this.dataSource.query('SELECT 1').then(
        () => 'up' as const,
        () => 'down' as const,
      ),
      Promise.race([
        this.kafka.check().then(
          () => 'up' as const,
          () => 'down' as const,
        ),
        new Promise<'down'>((r) => setTimeout(() => r('down'), PROBE_TIMEOUT_MS).unref()),
      ]),
      ...services.map((s) => this.probe(s)),
    ]);
    const gateway = { postgres, kafka };
    const byService = Object.fromEntries(services.map((s, i) => [s, probed[i]]));
    return {
      status: overallStatus(gateway, byService),
      checkedAt: new Date().toISOString(),
      gateway,
      services: byService,
    };
  }

  /** The chain-indexer's view of each chain (GET /chains): indexed block vs chain head. */
  async sync(): Promise<{ source: 'chain-indexer'; chains: unknown }> {
    return {
      source: 'chain-indexer',
      chains: await this.upstream.json('chain-indexer', 'GET', '/chains', { timeoutMs: PROBE_TIMEOUT_MS }),
    };
  }

  private async probe(service: UpstreamName): Promise<ServiceHealth> {
    const started = performance.now();
    const [ready, status] = await Promise.all([
      this.upstream.request(service, 'GET', '/ready', { timeoutMs: PROBE_TIMEOUT_MS }).then(
        (r) => (r.status === 200 ? { up: true } : { up: false, error: `/ready answered ${r.status}` }),
        (e: Error) => ({ up: false, error: e.message }),
      ),
      statusPaths[service] === undefined
        ? Promise.resolve(undefined)
        : this.upstream
            .json(service, 'GET', statusPaths[service], { timeoutMs: PROBE_TIMEOUT_MS })
            .catch(() => undefined),
    ]);
    return {
      ready: ready.up ? 'up' : 'down',
      latencyMs: Math.round(performance.now() - started),
      ...(ready.error ? { error: ready.error } : {}),
      ...(status === undefined ? {} : { status }),
    };
  }
}
