import type { EndpointHealthSnapshot } from '../../rpc-health/endpoint-health.model';
import type { SolanaProgramConfig } from '../config/solana-program.model';
import type { SolanaProgramProgressView } from '../indexing/solana-program.indexer';

/** One program's status as the admin API returns it (bigints as decimal strings). */
export interface SolanaProgramStatusDto {
  readonly cluster: string;
  readonly name: string;
  readonly programId: string;
  readonly commitment: string;
  readonly idl: string | null;
  readonly headSlot: string | null;
  readonly indexedSlot: string | null;
  readonly lagSlots: string | null;
  readonly lastSignature: string | null;
  readonly lastProgressAt: string | null;
  readonly lastError: string | null;
  readonly endpoints: readonly {
    readonly endpoint: string;
    readonly current: boolean;
    readonly up: boolean;
    readonly trippedBecause: string | null;
    readonly errorRate: number;
    readonly p95LatencyMs: number | null;
    readonly coolingDownUntil: string | null;
  }[];
}

/** The admin view of a program from its config, the loop's progress and the pool's endpoint health. */
export function solanaProgramStatusOf(
  cluster: string,
  program: SolanaProgramConfig,
  progress: SolanaProgramProgressView,
  endpoints: readonly { label: string; snapshot: EndpointHealthSnapshot }[],
  currentEndpoint: string,
): SolanaProgramStatusDto {
  return {
    cluster,
    name: program.name,
    programId: program.programId,
    commitment: program.commitment,
    idl: program.idl ?? null,
    headSlot: progress.head?.toString() ?? null,
    indexedSlot: progress.checkpoint?.indexedSlot?.toString() ?? null,
    lagSlots: progress.lagSlots?.toString() ?? null,
    lastSignature: progress.checkpoint?.lastSignature ?? null,
    lastProgressAt: progress.lastProgressAt?.toISOString() ?? null,
    lastError: progress.lastError ?? null,
    endpoints: endpoints.map(({ label, snapshot }) => ({
      endpoint: label,
      current: label === currentEndpoint,
      up: snapshot.tripped === undefined,
      trippedBecause: snapshot.tripped?.reason ?? null,
      errorRate: snapshot.errorRate,
      p95LatencyMs: snapshot.p95LatencyMs ?? null,
      coolingDownUntil: snapshot.coolDownUntil?.toISOString() ?? null,
    })),
  };
}
